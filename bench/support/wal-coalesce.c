/* A measurement switch, not part of the app (bench/README.md, "A WAL that is written in pieces"):
 * an SQLite VFS shim over the default one that gathers a WAL file's consecutive writes and
 * hands them to the real file in one call. SQLite writes every WAL frame as two pwrite calls
 * (its 24-byte header, then the page): ≈ 420 system calls for a checkout batch of 40.
 *
 * Writes to a WAL file are kept while each continues the last; anything else on that file (a
 * read, a sync, its size, a truncate, a lock, a file control, a write elsewhere, close) writes
 * the kept bytes first. The unix VFS writes at most 0x1ffff bytes a call (a longer one comes back
 * short, as SQLITE_FULL), so at most that is kept.
 *
 * Safe only with synchronous=FULL, what the checkout writer runs: its commit syncs the WAL
 * before the wal-index makes the frames visible, so other connections never read a frame still
 * kept here. With NORMAL (no sync at commit) the kept frames would have to be written at the
 * database file's xShmBarrier, which this prototype does not do. A crash of the process loses
 * only frames that were not yet synced, i.e. an uncommitted transaction.
 *
 * Built and loaded by wal-coalesce.mjs; registered as the process's default VFS.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <stdlib.h>
#include <string.h>

#define KEEP_MAX 0x1ffff

typedef struct KeptFile {
  sqlite3_file base;
  sqlite3_file *real; /* the default VFS's file, right after this struct */
  int isWal;
  char *kept;
  sqlite3_int64 keptAt; /* file offset of kept[0] */
  int keptLen;
} KeptFile;

static sqlite3_vfs *root;

#define REAL(f) (((KeptFile *)(f))->real)

static int writeKept(KeptFile *p) {
  if (p->keptLen == 0) return SQLITE_OK;
  int rc = p->real->pMethods->xWrite(p->real, p->kept, p->keptLen, p->keptAt);
  p->keptLen = 0;
  return rc;
}

#define WRITE_KEPT_FIRST(f)                             \
  do {                                                  \
    int krc = writeKept((KeptFile *)(f));               \
    if (krc != SQLITE_OK) return krc;                   \
  } while (0)

static int kClose(sqlite3_file *f) {
  KeptFile *p = (KeptFile *)f;
  int rc = writeKept(p);
  int rc2 = p->real->pMethods->xClose(p->real);
  free(p->kept);
  p->kept = 0;
  return rc != SQLITE_OK ? rc : rc2;
}
static int kWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 at) {
  KeptFile *p = (KeptFile *)f;
  if (!p->isWal) return p->real->pMethods->xWrite(p->real, b, n, at);
  if (p->keptLen > 0 && (at != p->keptAt + p->keptLen || p->keptLen + n > KEEP_MAX))
    WRITE_KEPT_FIRST(f);
  if (n > KEEP_MAX) return p->real->pMethods->xWrite(p->real, b, n, at);
  if (p->keptLen == 0) p->keptAt = at;
  memcpy(p->kept + p->keptLen, b, n);
  p->keptLen += n;
  return SQLITE_OK;
}
/* The methods that write what is kept first, then pass the call on to the real file. */
#define KEPT_FIRST(name, method, params, args)   \
  static int name params {                       \
    WRITE_KEPT_FIRST(f);                         \
    return REAL(f)->pMethods->method args;       \
  }
KEPT_FIRST(kRead, xRead, (sqlite3_file *f, void *b, int n, sqlite3_int64 at), (REAL(f), b, n, at))
KEPT_FIRST(kTruncate, xTruncate, (sqlite3_file *f, sqlite3_int64 size), (REAL(f), size))
KEPT_FIRST(kSync, xSync, (sqlite3_file *f, int flags), (REAL(f), flags))
KEPT_FIRST(kFileSize, xFileSize, (sqlite3_file *f, sqlite3_int64 *size), (REAL(f), size))
KEPT_FIRST(kLock, xLock, (sqlite3_file *f, int l), (REAL(f), l))
KEPT_FIRST(kUnlock, xUnlock, (sqlite3_file *f, int l), (REAL(f), l))
KEPT_FIRST(kFileControl, xFileControl, (sqlite3_file *f, int op, void *arg), (REAL(f), op, arg))
KEPT_FIRST(kFetch, xFetch, (sqlite3_file *f, sqlite3_int64 at, int n, void **pp), (REAL(f), at, n, pp))

static int kCheckReservedLock(sqlite3_file *f, int *r) {
  return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r);
}
static int kSectorSize(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int kDeviceCharacteristics(sqlite3_file *f) {
  return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int kShmMap(sqlite3_file *f, int i, int size, int extend, void volatile **pp) {
  return REAL(f)->pMethods->xShmMap(REAL(f), i, size, extend, pp);
}
static int kShmLock(sqlite3_file *f, int at, int n, int flags) {
  return REAL(f)->pMethods->xShmLock(REAL(f), at, n, flags);
}
static void kShmBarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int kShmUnmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }
static int kUnfetch(sqlite3_file *f, sqlite3_int64 at, void *p) {
  return REAL(f)->pMethods->xUnfetch(REAL(f), at, p);
}

static const sqlite3_io_methods keptMethods = {
  3, kClose, kRead, kWrite, kTruncate, kSync, kFileSize, kLock, kUnlock, kCheckReservedLock,
  kFileControl, kSectorSize, kDeviceCharacteristics, kShmMap, kShmLock, kShmBarrier, kShmUnmap,
  kFetch, kUnfetch};

static int kOpen(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out) {
  KeptFile *p = (KeptFile *)f;
  memset(p, 0, sizeof(*p));
  p->real = (sqlite3_file *)&p[1];
  int rc = root->xOpen(root, name, p->real, flags, out);
  if (rc != SQLITE_OK) return rc;
  p->isWal = (flags & SQLITE_OPEN_WAL) != 0;
  if (p->isWal && !(p->kept = malloc(KEEP_MAX))) {
    p->real->pMethods->xClose(p->real);
    return SQLITE_NOMEM;
  }
  if (p->real->pMethods) p->base.pMethods = &keptMethods;
  return SQLITE_OK;
}
static int kDelete(sqlite3_vfs *v, const char *n, int s) { return root->xDelete(root, n, s); }
static int kAccess(sqlite3_vfs *v, const char *n, int fl, int *r) {
  return root->xAccess(root, n, fl, r);
}
static int kFullPathname(sqlite3_vfs *v, const char *n, int size, char *out) {
  return root->xFullPathname(root, n, size, out);
}
static void *kDlOpen(sqlite3_vfs *v, const char *n) { return root->xDlOpen(root, n); }
static void kDlError(sqlite3_vfs *v, int n, char *e) { root->xDlError(root, n, e); }
static void (*kDlSym(sqlite3_vfs *v, void *h, const char *s))(void) {
  return root->xDlSym(root, h, s);
}
static void kDlClose(sqlite3_vfs *v, void *h) { root->xDlClose(root, h); }
static int kRandomness(sqlite3_vfs *v, int n, char *o) { return root->xRandomness(root, n, o); }
static int kSleep(sqlite3_vfs *v, int us) { return root->xSleep(root, us); }
static int kCurrentTime(sqlite3_vfs *v, double *t) { return root->xCurrentTime(root, t); }
static int kGetLastError(sqlite3_vfs *v, int n, char *e) { return root->xGetLastError(root, n, e); }
static int kCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *t) {
  return root->xCurrentTimeInt64(root, t);
}

/* The shim's methods; its file size and path length are the default VFS's, set when loaded. */
static sqlite3_vfs shim = {
    .iVersion = 2,
    .zName = "wal-coalesce",
    .xOpen = kOpen,
    .xDelete = kDelete,
    .xAccess = kAccess,
    .xFullPathname = kFullPathname,
    .xDlOpen = kDlOpen,
    .xDlError = kDlError,
    .xDlSym = kDlSym,
    .xDlClose = kDlClose,
    .xRandomness = kRandomness,
    .xSleep = kSleep,
    .xCurrentTime = kCurrentTime,
    .xGetLastError = kGetLastError,
    .xCurrentTimeInt64 = kCurrentTimeInt64,
};

int sqlite3_walcoalesce_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  if (sqlite3_vfs_find("wal-coalesce")) return SQLITE_OK_LOAD_PERMANENTLY;
  root = sqlite3_vfs_find(0);
  shim.szOsFile = sizeof(KeptFile) + root->szOsFile;
  shim.mxPathname = root->mxPathname;
  int rc = sqlite3_vfs_register(&shim, 1);
  return rc == SQLITE_OK ? SQLITE_OK_LOAD_PERMANENTLY : rc;
}
