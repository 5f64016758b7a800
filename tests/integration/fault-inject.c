/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A disk that fills up or fails, for test-reliability-faults.c: preloaded
 * (LD_PRELOAD) into a program, it counts the writes and syncs it makes to
 * files under a folder and, from the Nth on, fails each with an error, as
 * a full disk stays full. SQLite's own calls are caught too: its Unix VFS
 * calls pwrite64() and fdatasync() through pointers resolved by the
 * dynamic linker, which this library comes before.
 *
 * Environment:
 *   COBALT_FAULT_PATH    count only files whose path starts with this
 *   COBALT_FAULT_ERRNO   ENOSPC or EIO (unset: count, never fail)
 *   COBALT_FAULT_AFTER   fail from the call numbered this (0: the first)
 *   COBALT_FAULT_ON      "write", "sync" or "write,sync" (the default)
 *   COBALT_FAULT_REPORT  a file to write the number of calls counted to,
 *                        at exit, to choose the fault points from
 *
 * Plain C and libc only: it runs inside programs before GLib is set up. */

#define _GNU_SOURCE
/* write() and pwrite() themselves, not the 64-bit names they would be
 * redirected to: both are defined below. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *fault_path;
static size_t fault_path_len;
static int fault_errno;
static long fault_after = -1;
static int fault_writes = 1;
static int fault_syncs = 1;
static const char *report_path;
static atomic_long n_calls;

static ssize_t (*real_write) (int, const void *, size_t);
static ssize_t (*real_pwrite) (int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64) (int, const void *, size_t, off64_t);
static ssize_t (*real_writev) (int, const struct iovec *, int);
static int (*real_fsync) (int);
static int (*real_fdatasync) (int);

/* Also from the wrappers: another library's constructor may write
 * before ours has run. */
static void
fault_resolve (void)
{
  if (real_fdatasync != NULL)
    return;
  real_write = dlsym (RTLD_NEXT, "write");
  real_pwrite = dlsym (RTLD_NEXT, "pwrite");
  real_pwrite64 = dlsym (RTLD_NEXT, "pwrite64");
  real_writev = dlsym (RTLD_NEXT, "writev");
  real_fsync = dlsym (RTLD_NEXT, "fsync");
  real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
}

__attribute__((constructor))
static void
fault_init (void)
{
  const char *value;

  fault_resolve ();

  fault_path = getenv ("COBALT_FAULT_PATH");
  if (fault_path != NULL)
    fault_path_len = strlen (fault_path);
  report_path = getenv ("COBALT_FAULT_REPORT");

  value = getenv ("COBALT_FAULT_ERRNO");
  if (value != NULL && strcmp (value, "ENOSPC") == 0)
    fault_errno = ENOSPC;
  else if (value != NULL && strcmp (value, "EIO") == 0)
    fault_errno = EIO;

  value = getenv ("COBALT_FAULT_AFTER");
  if (value != NULL)
    fault_after = strtol (value, NULL, 10);

  value = getenv ("COBALT_FAULT_ON");
  if (value != NULL)
    {
      fault_writes = strstr (value, "write") != NULL;
      fault_syncs = strstr (value, "sync") != NULL;
    }
}

__attribute__((destructor))
static void
fault_report (void)
{
  char text[32];
  int fd, length;

  if (report_path == NULL)
    return;
  fd = open (report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  length = snprintf (text, sizeof text, "%ld\n", atomic_load (&n_calls));
  if (real_write (fd, text, length) < 0)
    perror ("fault-inject");
  close (fd);
}

/* Whether this call, on @fd, is to fail. */
static int
fault_here (int fd,
            int is_sync)
{
  char link[64], target[PATH_MAX];
  ssize_t length;
  long n;

  fault_resolve ();
  if (is_sync ? !fault_syncs : !fault_writes)
    return 0;

  if (fault_path != NULL)
    {
      snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
      length = readlink (link, target, sizeof target - 1);
      if (length < 0 || (size_t) length < fault_path_len ||
          strncmp (target, fault_path, fault_path_len) != 0)
        return 0;
    }

  n = atomic_fetch_add (&n_calls, 1);
  if (fault_errno == 0 || fault_after < 0 || n < fault_after)
    return 0;

  errno = fault_errno;
  return 1;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  if (fault_here (fd, 0))
    return -1;
  return real_write (fd, buf, count);
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  if (fault_here (fd, 0))
    return -1;
  return real_pwrite (fd, buf, count, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off64_t     offset)
{
  if (fault_here (fd, 0))
    return -1;
  return real_pwrite64 (fd, buf, count, offset);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  if (fault_here (fd, 0))
    return -1;
  return real_writev (fd, iov, iovcnt);
}

int
fsync (int fd)
{
  if (fault_here (fd, 1))
    return -1;
  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  if (fault_here (fd, 1))
    return -1;
  return real_fdatasync (fd);
}
