/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cv-database.h"
#include "cv-error.h"
#include "cv-schema.h"

struct _CvStatement
{
  sqlite3_stmt *stmt;
  CvDatabase   *db;       /* unowned */
  gboolean      cached;   /* returned to the cache on release, else finalized */
  gboolean      in_use;
};

/* Every process of Convene that has a database open holds a shared flock() on
 * it through one descriptor of its own, kept open while any connection to the
 * file is open in the process.
 *
 * SQLite's locks are POSIX record locks, which belong to the process: when
 * any descriptor of the file is closed in the process (the file chooser
 * reading the start of a file to guess its type is enough), all of them go.
 * Another process then believes it is the file's last user, checkpoints and
 * deletes the -wal and -shm files that this one still writes to, and edits
 * are lost. flock() locks belong to the open file description instead, so
 * they survive: a connection that is the last in its process closes without
 * the checkpoint when another process of Convene still holds the file. */
typedef struct
{
  dev_t dev;
  ino_t ino;
  int   fd;
  guint users;
} Presence;

static GMutex     presence_lock;
static GPtrArray *presences;

struct _CvDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  Presence   *presence;   /* shared with the process's other connections */
  GHashTable *statements;   /* SQL text → CvStatement */
  guint       depth;        /* nested transactions, as savepoints */
  int         schema_version;
  gboolean    read_only;    /* the file or its folder cannot be written */
  gboolean    began;        /* the outermost savepoint is inside BEGIN IMMEDIATE */
};

G_DEFINE_FINAL_TYPE (CvDatabase, cv_database, G_TYPE_OBJECT)

static void
statement_free (gpointer data)
{
  CvStatement *self = data;

  sqlite3_finalize (self->stmt);
  g_free (self);
}

/* Takes this process's place among the users of @path, which exists. A
 * failure here is not an error: the file is then used as SQLite alone
 * would. */
static Presence *
presence_acquire (const char *path)
{
  Presence *presence = NULL;
  struct stat st;
  int fd;

  /* Looked up by stat(), not by opening: closing a descriptor of a file that
   * is open already would drop its connections' locks. */
  if (g_stat (path, &st) != 0)
    return NULL;

  g_mutex_lock (&presence_lock);
  if (presences == NULL)
    presences = g_ptr_array_new ();
  for (guint i = 0; i < presences->len; i++)
    {
      Presence *p = g_ptr_array_index (presences, i);

      if (p->dev == st.st_dev && p->ino == st.st_ino)
        {
          presence = p;
          presence->users++;
          break;
        }
    }
  if (presence == NULL && (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) >= 0)
    {
      while (flock (fd, LOCK_SH) != 0 && errno == EINTR)
        ;
      presence = g_new0 (Presence, 1);
      presence->dev = st.st_dev;
      presence->ino = st.st_ino;
      presence->fd = fd;
      presence->users = 1;
      g_ptr_array_add (presences, presence);
    }
  g_mutex_unlock (&presence_lock);
  return presence;
}

/* Closes @handle, the connection of a user of @presence; the last user in the
 * process closes the descriptor too, after SQLite has let go of the file. */
static void
presence_close (Presence *presence,
                sqlite3  *handle)
{
  if (presence == NULL)
    {
      sqlite3_close_v2 (handle);
      return;
    }

  g_mutex_lock (&presence_lock);
  if (presence->users == 1)
    {
      /* Converting to exclusive fails while another process holds its shared
       * lock. The conversion may drop this process's lock on the way, which
       * is harmless: the descriptor is about to be closed. */
      if (flock (presence->fd, LOCK_EX | LOCK_NB) != 0)
        sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close_v2 (handle);
      g_ptr_array_remove_fast (presences, presence);
      close (presence->fd);
      g_free (presence);
    }
  else
    {
      presence->users--;
      sqlite3_close_v2 (handle);
    }
  g_mutex_unlock (&presence_lock);
}

static void
cv_database_finalize (GObject *object)
{
  CvDatabase *self = (CvDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL || self->presence != NULL)
    presence_close (g_steal_pointer (&self->presence), g_steal_pointer (&self->handle));
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cv_database_parent_class)->finalize (object);
}

static void
cv_database_class_init (CvDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cv_database_finalize;
}

static void
cv_database_init (CvDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
}

void
cv_set_database_error (GError  **error,
                       sqlite3  *handle,
                       int       rc)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  int system_errno = handle != NULL ? sqlite3_system_errno (handle) : 0;

  if ((rc & 0xff) == SQLITE_FULL || ((rc & 0xff) == SQLITE_IOERR && system_errno == ENOSPC))
    g_set_error (error, CV_ERROR, CV_ERROR_DATABASE,
                 _("The disk is full, so nothing was saved. Free some space and try again."));
  else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
           ((rc & 0xff) == SQLITE_IOERR && (system_errno == EACCES || system_errno == EROFS ||
                                             system_errno == EPERM)))
    g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                 _("Convene cannot write to this database: the file or its folder is read-only. "
                   "Nothing was changed. Copy the database to a folder you can write to, or ask "
                   "whoever looks after this computer for permission."));
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, CV_ERROR, CV_ERROR_DATABASE,
                 _("The database is busy in another window or program. Try again in a moment."));
  else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, CV_ERROR, CV_ERROR_DATABASE,
                 _("This file is not a Convene database, or it is damaged."));
  else
    g_set_error (error, CV_ERROR, CV_ERROR_DATABASE,
                 _("The database reported a problem: %s"), detail);
}

char *
cv_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "convene", "convene.db", NULL);
}

/* The file holds personal data: it and its folder are for their owner alone.
 * SQLite gives the -wal and -shm files the same mode as the main file. */
static gboolean
prepare_private_file (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* An existing file is made private by name: opening and closing it would
   * drop the locks of a connection this process has open on it already. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_chmod (path, 0600) != 0)
        g_debug ("Could not make %s private: %s", path, g_strerror (errno));
      return TRUE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));
  close (fd);

  return TRUE;
}

/* An existing file that this process may read but not change, or that sits in
 * a folder it may not write to (SQLite writes -wal and -shm files beside it). */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, F_OK) != 0)
    return FALSE;
  return g_access (path, R_OK) == 0 && (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0);
}

/* Opens self->path, for reading only when self->read_only says so. */
static int
open_handle (CvDatabase *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  int rc;

  if (!self->read_only)
    return sqlite3_open_v2 (self->path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  /* Readable but not writable: open it to look at and export. SQLite needs
   * the -shm file of a WAL database, which a read-only folder may not let it
   * make; then the file is read as one that cannot change under it. */
  rc = sqlite3_open_v2 (self->path, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return rc;
  sqlite3_close_v2 (self->handle);
  self->handle = NULL;
  file = g_file_new_for_path (self->path);
  uri = g_file_get_uri (file);
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (immutable, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                          NULL);
}

static gboolean
read_user_version (CvDatabase  *self,
                   int         *version,
                   GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (self, "PRAGMA user_version", error);

  if (st == NULL)
    return FALSE;
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        cv_set_database_error (error, self->handle, SQLITE_ERROR);
      return FALSE;
    }
  *version = (int)cv_statement_column_int64 (st, 0);
  return TRUE;
}

/* A copy beside the file, taken before a migration touches it, so that a failed
 * or regretted upgrade can always go back. VACUUM INTO writes a consistent copy
 * even while the file is in WAL mode. */
static gboolean
back_up_before_migration (CvDatabase  *self,
                          int          from_version,
                          GError     **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", self->path, from_version);
  g_autoptr(CvStatement) st = NULL;

  if (g_file_test (backup, G_FILE_TEST_EXISTS) && g_unlink (backup) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not replace the old backup “%s”: %s"), backup, g_strerror (saved));
      return FALSE;
    }
  if (!prepare_private_file (backup, error))
    return FALSE;

  st = cv_database_prepare (self, "VACUUM INTO ?1", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, backup);
  return cv_statement_run (st, error);
}

static void
set_newer_error (GError **error,
                 int      version)
{
  g_set_error (error, CV_ERROR, CV_ERROR_NEWER_DATABASE,
               _("This database was written by a newer version of Convene "
                 "(format %d; this version understands up to %d). "
                 "Update Convene to open it; the file has not been changed."),
               version, CV_DATABASE_SCHEMA_VERSION);
}

static gboolean
migrate (CvDatabase  *self,
         int          target,
         GError     **error)
{
  int version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > CV_DATABASE_SCHEMA_VERSION)
    {
      set_newer_error (error, version);
      return FALSE;
    }

  if (version > 0 && version < target && !back_up_before_migration (self, version, error))
    return FALSE;

  for (int next = version + 1; next <= target; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!cv_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!cv_database_exec (self, cv_schema_migrations[next - 1], error) ||
          !cv_database_exec (self, set_version, error) ||
          !cv_database_exec (self, "COMMIT", error))
        {
          cv_database_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  self->schema_version = target > version ? target : version;
  return TRUE;
}

/**
 * cv_database_open_at_version:
 * @path: the database file; created when missing
 * @version: the schema version to migrate to (tests use older ones)
 *
 * Returns: (transfer full): the open database, or %NULL with @error set; a file
 *   written by a newer Convene is refused and left byte for byte as it was.
 */
CvDatabase *
cv_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(CvDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= CV_DATABASE_SCHEMA_VERSION, NULL);

  self = g_object_new (CV_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = cannot_write (path);

  if (!self->read_only && !prepare_private_file (path, error))
    return NULL;
  self->presence = presence_acquire (self->path);
  rc = open_handle (self);
  if (rc != SQLITE_OK)
    {
      cv_set_database_error (error, self->handle, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  /* Read the version before anything writes: a newer file must stay untouched,
   * and switching the journal mode is a write. */
  {
    int found;

    if (!read_user_version (self, &found, error))
      return NULL;
    if (found > CV_DATABASE_SCHEMA_VERSION)
      {
        set_newer_error (error, found);
        return NULL;
      }
  }

  if (self->read_only)
    {
      int found;

      if (!read_user_version (self, &found, error))
        return NULL;
      if (found < version)
        {
          g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                       _("This database was made by an older version of Convene and needs upgrading, "
                         "but the file or its folder is read-only. Copy it to a folder you can write to "
                         "and open the copy."));
          return NULL;
        }
      self->schema_version = found;
      return g_steal_pointer (&self);
    }

  /* Deleted records are overwritten with zeros, not just unlinked: an erased
   * person leaves no bytes behind in free pages (see cv-erasure.c). */
  if (!cv_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !cv_database_exec (self, "PRAGMA secure_delete = ON", error) ||
      !cv_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !cv_database_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cv_database_open:
 * @path: the database file; created when missing
 *
 * Opens @path and migrates it to the current schema, taking a backup copy
 * (`PATH.bak-vN`) first when an older file is upgraded.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CvDatabase *
cv_database_open (const char  *path,
                  GError     **error)
{
  return cv_database_open_at_version (path, CV_DATABASE_SCHEMA_VERSION, error);
}

/**
 * cv_database_open_reader:
 * @path: a database that cv_database_open() opened already
 *
 * A second connection to the same file for reading in another thread: it
 * runs no migration and refuses to write (`query_only`). WAL lets it read a
 * consistent state while the first connection writes.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
CvDatabase *
cv_database_open_reader (const char  *path,
                         GError     **error)
{
  g_autoptr(CvDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CV_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = cannot_write (path);
  self->presence = presence_acquire (self->path);
  rc = open_handle (self);
  if (rc != SQLITE_OK)
    {
      cv_set_database_error (error, self->handle, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  if (!cv_database_exec (self, "PRAGMA query_only = ON", error) ||
      !read_user_version (self, &self->schema_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
cv_database_get_path (CvDatabase *self)
{
  g_return_val_if_fail (CV_IS_DATABASE (self), NULL);
  return self->path;
}

int
cv_database_get_schema_version (CvDatabase *self)
{
  g_return_val_if_fail (CV_IS_DATABASE (self), 0);
  return self->schema_version;
}

sqlite3 *
cv_database_get_handle (CvDatabase *self)
{
  g_return_val_if_fail (CV_IS_DATABASE (self), NULL);
  return self->handle;
}

/* For fixed SQL without values only: schema and transaction control. */
gboolean
cv_database_exec (CvDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (CV_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cv_set_database_error (error, self->handle, rc);
      return FALSE;
    }
  return TRUE;
}

/**
 * cv_database_prepare:
 * @sql: the statement, with `?N` placeholders for every value
 *
 * Statements are cached by their text. While a cached one is in use (an outer
 * query still stepping through rows), a fresh one is prepared instead.
 *
 * Returns: (transfer full): release it with cv_statement_release() (or g_autoptr)
 */
CvStatement *
cv_database_prepare (CvDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  CvStatement *st;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CV_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  st = g_hash_table_lookup (self->statements, sql);
  if (st != NULL && !st->in_use)
    {
      st->in_use = TRUE;
      return st;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1,
                           st == NULL ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cv_set_database_error (error, self->handle, rc);
      return NULL;
    }

  st = g_new0 (CvStatement, 1);
  st->stmt = stmt;
  st->db = self;
  st->in_use = TRUE;
  if (!g_hash_table_contains (self->statements, sql))
    {
      st->cached = TRUE;
      g_hash_table_insert (self->statements, (gpointer)sqlite3_sql (stmt), st);
    }
  return st;
}

void
cv_statement_release (CvStatement *self)
{
  if (self == NULL)
    return;

  if (self->cached)
    {
      sqlite3_reset (self->stmt);
      sqlite3_clear_bindings (self->stmt);
      self->in_use = FALSE;
    }
  else
    statement_free (self);
}

sqlite3_stmt *
cv_statement_get_stmt (CvStatement *self)
{
  return self->stmt;
}

CvStep
cv_statement_step (CvStatement  *self,
                   GError      **error)
{
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return CV_STEP_ROW;
  if (rc == SQLITE_DONE)
    return CV_STEP_DONE;

  cv_set_database_error (error, self->db->handle, rc);
  return CV_STEP_ERROR;
}

/* Steps a statement that returns no rows (or whose rows do not matter) to the end. */
gboolean
cv_statement_run (CvStatement  *self,
                  GError      **error)
{
  CvStep step;

  while ((step = cv_statement_step (self, error)) == CV_STEP_ROW)
    ;
  return step == CV_STEP_DONE;
}

void
cv_statement_bind_text (CvStatement *self,
                        int          index,
                        const char  *value)
{
  if (value == NULL)
    sqlite3_bind_null (self->stmt, index);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
cv_statement_bind_int64 (CvStatement *self,
                         int          index,
                         gint64       value)
{
  sqlite3_bind_int64 (self->stmt, index, value);
}

void
cv_statement_bind_double (CvStatement *self,
                          int          index,
                          double       value)
{
  sqlite3_bind_double (self->stmt, index, value);
}

const char *
cv_statement_column_text (CvStatement *self,
                          int          column)
{
  return (const char *)sqlite3_column_text (self->stmt, column);
}

gint64
cv_statement_column_int64 (CvStatement *self,
                           int          column)
{
  return sqlite3_column_int64 (self->stmt, column);
}

double
cv_statement_column_double (CvStatement *self,
                            int          column)
{
  return sqlite3_column_double (self->stmt, column);
}

gboolean
cv_statement_column_is_null (CvStatement *self,
                             int          column)
{
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

/* Transactions nest as savepoints, so a store operation that is its own
 * transaction can also run inside a larger one (an import, an undo). The
 * outermost one takes the write lock at once (BEGIN IMMEDIATE), waiting for
 * another writer up to the busy timeout: a transaction that read first and
 * wrote later could not wait, as SQLite must refuse it when another writer
 * changed what it read. */
gboolean
cv_database_begin (CvDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CV_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                   _("This database is open read-only, because the file or its folder cannot be "
                     "written to: it can be viewed and exported, not changed."));
      return FALSE;
    }
  if (self->depth == 0 && sqlite3_get_autocommit (self->handle))
    {
      if (!cv_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->began = TRUE;
    }
  sql = g_strdup_printf ("SAVEPOINT cv_%u", self->depth);
  if (!cv_database_exec (self, sql, error))
    {
      if (self->depth == 0 && self->began)
        {
          cv_database_exec (self, "ROLLBACK", NULL);
          self->began = FALSE;
        }
      return FALSE;
    }
  self->depth++;
  return TRUE;
}

/* A transaction that only reads, for a consistent view across queries. */
gboolean
cv_database_begin_read (CvDatabase  *self,
                        GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CV_IS_DATABASE (self), FALSE);

  sql = g_strdup_printf ("SAVEPOINT cv_%u", self->depth);
  if (!cv_database_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
cv_database_is_read_only (CvDatabase *self)
{
  g_return_val_if_fail (CV_IS_DATABASE (self), FALSE);
  return self->read_only;
}

gboolean
cv_database_commit (CvDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CV_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = g_strdup_printf ("RELEASE cv_%u", self->depth - 1);
  if (!cv_database_exec (self, sql, error))
    {
      cv_database_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0 && self->began)
    {
      self->began = FALSE;
      if (!cv_database_exec (self, "COMMIT", error))
        {
          cv_database_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return TRUE;
}

void
cv_database_rollback (CvDatabase *self)
{
  g_autofree char *rollback = NULL;
  g_autofree char *release = NULL;

  g_return_if_fail (CV_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  rollback = g_strdup_printf ("ROLLBACK TO cv_%u", self->depth);
  release = g_strdup_printf ("RELEASE cv_%u", self->depth);
  cv_database_exec (self, rollback, NULL);
  cv_database_exec (self, release, NULL);
  if (self->depth == 0 && self->began)
    {
      self->began = FALSE;
      cv_database_exec (self, "ROLLBACK", NULL);
    }
}
