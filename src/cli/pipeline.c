/* pipeline.c - the ordered worker pool (see pipeline.h). */
#define _POSIX_C_SOURCE 200809L
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
    petrel_doc *doc;
    int state;
    int rc;             /* process's result */
    petrel_error err;
} slot;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work;     /* a slot became READY, or shutdown */
    pthread_cond_t done;     /* a slot became DONE */
    slot *slots;
    unsigned long nslots;
    unsigned long taken;     /* slots handed to workers so far (ring order) */
    unsigned long queued;    /* slots made READY so far */
    int shutdown;
    const pipeline_ops *ops;
} pool;

typedef struct worker_arg {
    pool *p;
    int id;
} worker_arg;

static void *worker_main(void *argp) {
    worker_arg *a = argp;
    pool *p = a->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->shutdown && p->taken == p->queued)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->queued && p->shutdown)
            break;
        slot *s = &p->slots[p->taken % p->nslots];
        p->taken++;
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        s->rc = p->ops->process(s->doc, p->ops->ctx, a->id, &s->err);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int pipeline_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Emits a finished slot (in order); returns nonzero to stop. */
static int finish(slot *s, const pipeline_ops *ops, unsigned long *failures, cli_progress *progress) {
    int stop = 0;
    if (s->rc != 0) {
        cli_error(&s->err);
        (*failures)++;
    } else {
        cli_doc_warnings(s->doc);
        stop = ops->emit(s->doc, ops->ctx) != 0;
        if (progress) {
            petrel_story st;
            petrel_doc_story(s->doc, &st);
            progress->stories++;
            progress->sentences += petrel_doc_sentence_count(s->doc);
            progress->bytes += st.text_len;
            cli_progress_tick(progress);
        }
    }
    s->state = SLOT_FREE;
    return stop;
}

int pipeline_run(char **files, int nfiles, const cli_input_opts *o, int workers, const pipeline_ops *ops,
                 unsigned long *failures, cli_progress *progress) {
    char *stdin_name[] = {"-"};
    if (nfiles == 0) {
        files = stdin_name;
        nfiles = 1;
    }
    if (workers < 1)
        workers = 1;
    pool p;
    memset(&p, 0, sizeof p);
    p.ops = ops;
    p.nslots = workers > 1 ? (unsigned long)workers * 2 + 2 : 1;
    p.slots = calloc(p.nslots, sizeof *p.slots);
    pthread_t *threads = workers > 1 ? calloc((size_t)workers, sizeof *threads) : NULL;
    worker_arg *args = workers > 1 ? calloc((size_t)workers, sizeof *args) : NULL;
    int ok = p.slots && (workers == 1 || (threads && args));
    for (unsigned long i = 0; ok && i < p.nslots; i++)
        ok = (p.slots[i].doc = petrel_doc_new()) != NULL;
    if (!ok) {
        cli_say("out of memory");
        goto free_slots;
    }
    int started = 0;
    if (workers > 1) {
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.work, NULL);
        pthread_cond_init(&p.done, NULL);
        for (; started < workers; started++) {
            args[started].p = &p;
            args[started].id = started;
            if (pthread_create(&threads[started], NULL, worker_main, &args[started]) != 0)
                break;
        }
        if (started == 0) {
            cli_say("cannot start worker threads");
            ok = 0;
            goto destroy;
        }
    }
    unsigned long emitted = 0, read = 0;
    int stopped = 0;
    for (int fi = 0; fi < nfiles && !stopped; fi++) {
        petrel_error err;
        petrel_reader *r = petrel_reader_open(files[fi], &o->reader, &err);
        if (!r) {
            cli_error(&err);
            (*failures)++;
            continue;
        }
        for (;;) {
            slot *s = &p.slots[read % p.nslots];
            if (workers > 1) {
                /* the slot to read into is the oldest in flight when the
                 * ring is full: wait for it and emit it */
                pthread_mutex_lock(&p.mu);
                while (!stopped && read - emitted == p.nslots) {
                    slot *e = &p.slots[emitted % p.nslots];
                    while (e->state != SLOT_DONE)
                        pthread_cond_wait(&p.done, &p.mu);
                    pthread_mutex_unlock(&p.mu);
                    stopped = finish(e, ops, failures, progress);
                    emitted++;
                    pthread_mutex_lock(&p.mu);
                }
                pthread_mutex_unlock(&p.mu);
                if (stopped)
                    break;
            }
            if (!cli_read_story(r, s->doc, failures))
                break;
            if (workers == 1) {
                s->rc = ops->process(s->doc, ops->ctx, 0, &s->err);
                stopped = finish(s, ops, failures, progress);
                if (stopped)
                    break;
                continue;
            }
            pthread_mutex_lock(&p.mu);
            s->state = SLOT_READY;
            p.queued++;
            read++;
            pthread_cond_signal(&p.work);
            /* emit what is finished at the front, without waiting */
            while (emitted < read && p.slots[emitted % p.nslots].state == SLOT_DONE && !stopped) {
                slot *e = &p.slots[emitted % p.nslots];
                pthread_mutex_unlock(&p.mu);
                stopped = finish(e, ops, failures, progress);
                emitted++;
                pthread_mutex_lock(&p.mu);
            }
            pthread_mutex_unlock(&p.mu);
            if (stopped)
                break;
        }
        petrel_reader_close(r);
    }
    if (workers > 1) {
        /* drain: every story read is processed; emit unless stopped */
        pthread_mutex_lock(&p.mu);
        while (emitted < read) {
            slot *e = &p.slots[emitted % p.nslots];
            while (e->state != SLOT_DONE)
                pthread_cond_wait(&p.done, &p.mu);
            pthread_mutex_unlock(&p.mu);
            if (!stopped)
                stopped = finish(e, ops, failures, progress);
            emitted++;
            pthread_mutex_lock(&p.mu);
        }
        p.shutdown = 1;
        pthread_cond_broadcast(&p.work);
        pthread_mutex_unlock(&p.mu);
    }
    ok = !stopped;
destroy:
    if (workers > 1) {
        if (!ok && started) {
            pthread_mutex_lock(&p.mu);
            p.shutdown = 1;
            pthread_cond_broadcast(&p.work);
            pthread_mutex_unlock(&p.mu);
        }
        for (int i = 0; i < started; i++)
            pthread_join(threads[i], NULL);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.work);
        pthread_cond_destroy(&p.done);
    }
free_slots:
    if (p.slots)
        for (unsigned long i = 0; i < p.nslots; i++)
            petrel_doc_free(p.slots[i].doc);
    free(p.slots);
    free(threads);
    free(args);
    return ok ? 0 : -1;
}

int pipeline_command(char **files, int nfiles, const cli_input_opts *in, int jobs, const pipeline_ops *ops,
                     cli_out *out) {
    cli_progress progress;
    cli_progress_start(&progress, in->quiet);
    unsigned long failures = 0;
    int rc = pipeline_run(files, nfiles, in, jobs ? jobs : pipeline_cores(), ops, &failures, &progress);
    cli_progress_end(&progress);
    free(files);
    if ((cli_out_close(out, rc == 0) != 0) || rc != 0)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
