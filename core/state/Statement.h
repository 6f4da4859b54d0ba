#pragma once

// Inside the state module only: SQLite statements as StateDb's files use them.

#include "Tr.h"
#include "state/StateDb.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPair>
#include <cerrno>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace escale::state::detail {

// The file of a connection, for messages.
inline QString fileOf(sqlite3* db)
{
    const char* file = sqlite3_db_filename(db, "main");
    return file ? QString::fromLocal8Bit(file) : QString();
}

// What SQLite's last error on `db` means for the user, thrown (`detail` says what was done).
[[noreturn]] inline void fail(sqlite3* db, const QString& detail)
{
    const int code = sqlite3_errcode(db) & 0xff;
    // The system's error, for the codes that come from a file operation.
    const int sys = code == SQLITE_IOERR || code == SQLITE_CANTOPEN ? sqlite3_system_errno(db) : 0;
    StateError::Kind kind = StateError::Kind::Other;
    if (code == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
        kind = StateError::Kind::Full;
    else if (code == SQLITE_READONLY || sys == EROFS || sys == EACCES || sys == EPERM)
        kind = StateError::Kind::ReadOnly;
    else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        kind = StateError::Kind::Damaged;
    const QString file = fileOf(db);
    if (kind == StateError::Kind::Other && !file.isEmpty() && (code == SQLITE_CANTOPEN || code == SQLITE_IOERR)) {
        // SQLite does not always keep the cause (a journal file it could not create): the folder says.
        const QByteArray folder = QFile::encodeName(QFileInfo(file).absolutePath());
        struct statvfs st;
        if (::access(folder.constData(), W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
            kind = StateError::Kind::ReadOnly;
        else if (::statvfs(folder.constData(), &st) == 0 && st.f_bavail == 0)
            kind = StateError::Kind::Full;
    }
    throw StateError(kind, file, trc("state", "%1: %2").arg(detail, QString::fromUtf8(sqlite3_errmsg(db))));
}

// Prepared statements are cached per database connection, keyed by their SQL text (all
// statements are string literals), and reset after each use.
inline QHash<QPair<sqlite3*, const char*>, sqlite3_stmt*>& statementCache()
{
    static thread_local QHash<QPair<sqlite3*, const char*>, sqlite3_stmt*> cache;
    return cache;
}

class Statement
{
public:
    Statement(sqlite3* db, const char* sql)
        : m_db(db)
    {
        sqlite3_stmt*& cached = statementCache()[qMakePair(db, sql)];
        if (!cached &&
            sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &cached, nullptr) != SQLITE_OK)
            fail(db, trc("state", "cannot prepare '%1'").arg(QLatin1String(sql)));
        m_stmt = cached;
    }
    ~Statement()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    Statement& bind(int i, const QString& s)
    {
        const QByteArray u = s.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, const QByteArray& b)
    {
        sqlite3_bind_blob(m_stmt, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bindNull(int i)
    {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
    Statement& bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail(m_db, QStringLiteral("%1").arg(QString::fromUtf8(sqlite3_sql(m_stmt)).simplified().left(80)));
        return false;
    }
    QString text(int i) const
    {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i)),
                                 sqlite3_column_bytes(m_stmt, i));
    }
    QByteArray blob(int i) const
    {
        return QByteArray(static_cast<const char*>(sqlite3_column_blob(m_stmt, i)),
                          sqlite3_column_bytes(m_stmt, i));
    }
    qint64 integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    sqlite3* database() const { return m_db; }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// A row of `versions` (or `published_under`): its record (column 0) and pending code (column 1).
inline StateDb::Version readVersion(const Statement& s)
{
    StateDb::Version v;
    QString error;
    const auto record = protocol::JournalRecord::fromJsonText(s.blob(0), error);
    if (!record) {
        throw StateError(StateError::Kind::Damaged, fileOf(s.database()),
                         trc("state", "a version does not read: %1").arg(error));
    }
    v.record = *record;
    v.pending = s.integer(1) != 0;
    v.renamed = s.integer(1) == 2;
    return v;
}

} // namespace escale::state::detail
