/* json_out.c - see json_out.h. */
#include "json_out.h"

#include <string.h>

#include "../text/utf8.h"

void json_out_string(FILE *f, const char *s, size_t n) {
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    size_t run = 0; /* start of bytes that need no escaping */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            int32_t cp;
            size_t k = utf8_decode(s + i, n - i, &cp);
            if (cp >= 0) {
                i += k;
                continue;
            }
            fwrite(s + run, 1, i - run, f);
            fputs("\xEF\xBF\xBD", f);
            i++;
            run = i;
            continue;
        }
        fwrite(s + run, 1, i - run, f);
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default: fprintf(f, "\\u%04x", c); break;
        }
        i++;
        run = i;
    }
    fwrite(s + run, 1, n - run, f);
    putc('"', f);
}

void json_out_cstr(FILE *f, const char *s) { json_out_string(f, s, s ? strlen(s) : 0); }
