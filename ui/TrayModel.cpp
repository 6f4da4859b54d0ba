#include "TrayModel.h"

#include "FollowProgress.h"

#include <QLocale>

// The icons are compiled into this static library: they must be registered by hand.
static void registerTrayIcons()
{
    Q_INIT_RESOURCE(tray);
}

namespace escale::ui {

using RepoState = control::RepositoryStatus::State;

TrayModel::TrayModel(control::Instance* instance, QObject* parent)
    : QObject(parent)
    , m_instance(instance)
{
    registerTrayIcons();
    connect(instance, &control::Instance::statusChanged, this, &TrayModel::update);
    connect(instance, &control::Instance::repositoryRemoved, this, &TrayModel::update);
    followProgress(instance, this, 1000, [this] { update(); }); // once a second
    update();
}

namespace {

struct StateText
{
    TrayModel::State state;
    const char* name;       // of its icon
    const char* statusLine; // the menu's first line (translated)
};

constexpr StateText kStates[] = {
    {TrayModel::State::NotSetUp, "notsetup", QT_TRANSLATE_NOOP("escale::ui::TrayModel", "Not set up")},
    {TrayModel::State::UpToDate, "uptodate", QT_TRANSLATE_NOOP("escale::ui::TrayModel", "Up to date")},
    {TrayModel::State::Syncing, "syncing", QT_TRANSLATE_NOOP("escale::ui::TrayModel", "Syncing…")},
    {TrayModel::State::Paused, "paused", QT_TRANSLATE_NOOP("escale::ui::TrayModel", "Paused")},
    {TrayModel::State::Offline, "offline",
     QT_TRANSLATE_NOOP("escale::ui::TrayModel", "A relay cannot be reached")},
    {TrayModel::State::Error, "error",
     QT_TRANSLATE_NOOP("escale::ui::TrayModel", "A repository needs attention")},
    {TrayModel::State::Conflicts, "conflicts",
     QT_TRANSLATE_NOOP("escale::ui::TrayModel", "Conflicts to resolve")},
};

const StateText& textOf(TrayModel::State state)
{
    for (const StateText& t : kStates)
        if (t.state == state)
            return t;
    return kStates[1];
}

} // namespace

QString TrayModel::stateName(State state)
{
    return QString::fromLatin1(textOf(state).name);
}

QString TrayModel::iconPath() const
{
    return QStringLiteral(":/tray/%1.svg").arg(stateName(m_state));
}

QString TrayModel::left(int files, qint64 bytes)
{
    return tr("%n file(s) left (%1)", nullptr, files)
        .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat));
}

QString TrayModel::describe(int index) const
{
    const control::RepositoryStatus& s = m_instance->status(index);
    const QString name = m_instance->repository(index).name;
    const QString when = s.lastSuccess.isValid()
                             ? QLocale().toString(s.lastSuccess.toLocalTime().time(), QLocale::ShortFormat)
                             : QString();
    QString line;
    switch (s.state) {
    case RepoState::Starting:
        line = tr("%1: starting").arg(name);
        break;
    case RepoState::Syncing:
        line = s.progress.filesLeft() > 0
                   ? tr("%1: syncing, %2").arg(name, left(s.progress.filesLeft(), s.progress.bytesLeft()))
                   : tr("%1: syncing").arg(name);
        break;
    case RepoState::Idle:
        // Never "up to date" beside changes still to send (they wait for room, or for a retry).
        line = s.pendingUp > 0     ? tr("%1: %n change(s) waiting to be sent", nullptr, s.pendingUp).arg(name)
               : when.isEmpty() ? tr("%1: up to date").arg(name)
                                : tr("%1: up to date (%2)").arg(name, when);
        break;
    case RepoState::Paused:
        line = s.pausedUntil.isValid() ? tr("%1: paused until %2").arg(name, until(s.pausedUntil))
                                       : tr("%1: paused").arg(name);
        break;
    case RepoState::Offline:
        line = tr("%1: relay unreachable, retrying").arg(name);
        break;
    case RepoState::Error:
        line = tr("%1: error: %2").arg(name, s.lastError);
        break;
    case RepoState::Stopped:
        line = tr("%1: stopped: %2").arg(name, s.lastError);
        break;
    }
    if (s.conflictsWaiting > 0)
        line += tr(", %n conflict(s) to resolve", nullptr, s.conflictsWaiting);
    if (s.pendingUp > 0 && s.state == RepoState::Syncing)
        line += tr(", %n change(s) to send", nullptr, s.pendingUp);
    // Paths set aside (a file that cannot be written or read here, content asked again): their
    // causes are in the activity window.
    if (!s.lastPass.waiting.isEmpty() && (s.state == RepoState::Idle || s.state == RepoState::Syncing))
        line += tr(", %n file(s) waiting (see Activity)", nullptr, int(s.lastPass.waiting.size()));
    return line;
}

QString TrayModel::elide(const QString& text, int characters)
{
    const QString flat = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.size() <= characters ? flat : flat.left(characters - 1).trimmed() + QStringLiteral("…");
}

QString TrayModel::menuLine(int index) const
{
    return elide(describe(index));
}

QString TrayModel::until(const QDateTime& when)
{
    const QDateTime local = when.toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(1))
        return tr("tomorrow %1").arg(time);
    return QLocale().toString(local, QLocale::ShortFormat);
}

void TrayModel::update()
{
    // The most pressing state wins: something broken, then unreachable, then conflicts to
    // resolve, then work under way; paused only when everything is.
    const int count = m_instance->repositoryCount();
    bool error = false, offline = false, conflicts = false, syncing = false, allPaused = count > 0;
    int filesLeft = 0, waitingToSend = 0;
    qint64 bytesLeft = 0;
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        const control::RepositoryStatus& s = m_instance->status(i);
        error |= s.state == RepoState::Error || s.state == RepoState::Stopped;
        offline |= s.state == RepoState::Offline;
        conflicts |= s.conflictsWaiting > 0;
        syncing |= s.state == RepoState::Syncing || s.state == RepoState::Starting;
        allPaused &= s.paused;
        if (s.state == RepoState::Idle && s.pendingUp > 0)
            waitingToSend += s.pendingUp;
        if (s.state == RepoState::Syncing) {
            filesLeft += s.progress.filesLeft();
            bytesLeft += s.progress.bytesLeft();
        }
        lines << describe(i);
    }
    QDateTime pausedUntil; // the earliest end when every repository is paused for a while
    for (int i = 0; i < count && allPaused; ++i) {
        const QDateTime u = m_instance->status(i).pausedUntil;
        if (!u.isValid()) {
            pausedUntil = {};
            break;
        }
        if (!pausedUntil.isValid() || u < pausedUntil)
            pausedUntil = u;
    }
    const State state = count == 0  ? State::NotSetUp
                        : error     ? State::Error
                        : offline   ? State::Offline
                        : conflicts ? State::Conflicts
                        : allPaused ? State::Paused
                        : syncing   ? State::Syncing
                                    : State::UpToDate;
    m_statusLine = state == State::Syncing && filesLeft > 0 ? tr("Syncing: %1").arg(left(filesLeft, bytesLeft))
                   : state == State::Paused && pausedUntil.isValid() ? tr("Paused until %1").arg(until(pausedUntil))
                   : state == State::UpToDate && waitingToSend > 0
                       ? tr("%n change(s) waiting to be sent", nullptr, waitingToSend)
                       : tr(textOf(state).statusLine);
    m_state = state;
    m_tooltip = state == State::NotSetUp
                    ? tr("Escale — not set up: click to choose a folder to sync")
                    : QStringLiteral("Escale — %1\n%2").arg(m_statusLine, lines.join(QLatin1Char('\n')));
    Q_EMIT changed();
}

} // namespace escale::ui
