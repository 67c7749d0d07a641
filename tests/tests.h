/*
 * tests.h - every test of the runner, in the order they run.  Included
 * twice by runner.c: once to declare the functions, once to list them.
 */
#ifndef TEST
#define TEST(name) void name(void);
#define TESTS_DECLARE_ONLY
#endif

/* base, text */
TEST(test_arena)
TEST(test_arena_limit)
TEST(test_utf8_decode)
TEST(test_utf8_normalize)
TEST(test_tokenize_lists_sorted)
/* readers */
TEST(test_read_jsonl)
TEST(test_read_jsonl_malformed)
TEST(test_read_jsonl_invalid_utf8)
TEST(test_read_huge_line)
TEST(test_read_empty)
TEST(test_read_binary)
TEST(test_read_text_wire)
TEST(test_read_text_plain)
TEST(test_read_petrarch)
TEST(test_read_petrarch_malformed)
TEST(test_read_tabari)
TEST(test_read_conllu)
TEST(test_read_conllu_malformed)
TEST(test_date_parse)
/* tokenizer */
TEST(test_tokenize_golden_library)
TEST(test_tokenize_golden_cli)
TEST(test_tokenize_offsets)
TEST(test_tokenize_pathological)
/* event coder */
TEST(test_code_golden_library)
TEST(test_code_golden_cli)
TEST(test_code_robustness)
TEST(test_code_big_dictionary)
TEST(test_dict_convert_roundtrip)
TEST(test_dict_check_shipped)
TEST(test_dict_check_finds)
TEST(test_code_plover_mode)
TEST(test_code_title_case_headline)
TEST(test_code_jobs_option)
/* command line */
TEST(test_cli_usage)
TEST(test_cli_exit_status)
TEST(test_cli_output_file)
/* fuzz corpus */
TEST(test_fuzz_corpus)
/* tagger, parser and their models */
TEST(test_tag_train_tiny)
TEST(test_tag_deterministic)
TEST(test_model_bad_files)
TEST(test_parse_projectivize)
TEST(test_parse_train_tiny)
TEST(test_parse_golden)
TEST(test_parse_robust)
TEST(test_parse_cli)
/* shared data */
TEST(test_eval_tokenize_floor)
TEST(test_parse_floor)

#ifdef TESTS_DECLARE_ONLY
#undef TEST
#undef TESTS_DECLARE_ONLY
#endif
