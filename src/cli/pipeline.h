/*
 * pipeline.h - stories in, results out, on all cores, in input order.
 *
 * The calling thread reads stories (one document per slot) and hands them to
 * a pool of worker threads; each worker runs the per-story callback
 * (tagging, parsing, later event coding) on its own document; the calling
 * thread then passes the finished documents to the emit callback strictly in
 * input order and reuses their slots.  At most 2 x workers + 2 stories are
 * in memory at once, so memory does not grow with the input.  Used by
 * `petrel parse` and meant for `petrel code`.
 */
#ifndef PETREL_PIPELINE_H
#define PETREL_PIPELINE_H

#include "cli.h"

typedef struct pipeline_ops {
    /* Runs in a worker thread (worker = 0..workers-1) on one story.
     * Returns 0, or a negative status with err filled: the failure is
     * reported (in input order) and the story is not emitted. */
    int (*process)(petrel_doc *doc, void *ctx, int worker, petrel_error *err);
    /* Runs in the calling thread, in input order.  Returns 0, or nonzero to
     * stop the run (output failed). */
    int (*emit)(petrel_doc *doc, void *ctx);
    void *ctx;
} pipeline_ops;

/* Reads every story of the files (standard input when none) as
 * cli_each_story does, processes them on `workers` threads (1 = in the
 * calling thread) and emits them in order.  *failures counts reported
 * problems (bad stories and failed processing).  Returns 0, or -1 when
 * emit stopped the run or threads could not be started. */
int pipeline_run(char **files, int nfiles, const cli_input_opts *o, int workers, const pipeline_ops *ops,
                 unsigned long *failures, cli_progress *progress);

/* What `code` and `parse` do with their stories: runs them through ops on
 * jobs workers (0: all cores) with a progress line, frees files, and closes
 * out, whose file appears only when the run went well.  Returns the
 * command's exit status: EXIT_FATAL when the run or the output failed,
 * EXIT_PARTIAL when some stories failed, else EXIT_OK. */
int pipeline_command(char **files, int nfiles, const cli_input_opts *in, int jobs, const pipeline_ops *ops,
                     cli_out *out);

/* The number of online processors (at least 1). */
int pipeline_cores(void);

#endif
