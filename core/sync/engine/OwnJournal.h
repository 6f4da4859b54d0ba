#pragma once

#include <QByteArray>
#include <QString>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;

// This client's own journal against what the relay holds under its identity (relay-format.md
// section 6, "A state behind the relay"): a state restored from a backup, copied with the
// machine, or left behind by a crash between a publication and its record. What the relay holds
// is taken back before anything more is written; two machines writing under one identity are
// told apart and the second is refused. Also answers the others' reports of this client's
// segments they cannot read (R35).
class OwnJournal
{
public:
    explicit OwnJournal(EngineContext& context);

    // At a run's first pass: this client's heads on the relay against its state.
    bool catchUpOwnState(Pass& pass);
    // Adopts this client's journal segments the relay holds beyond what its state knows (R13);
    // false (with the pass failed) when the relay cannot be read or another machine writes under
    // this identity.
    bool recoverOwnJournal(Pass& pass);
    // Others' reports of this client's segments they cannot read: a snapshot stands for them.
    void answerMissing(Pass& pass);

    // The digest a segment's text is remembered by (a clone writes other text under one number).
    static QString digestOf(const QByteArray& text);

private:
    bool refuseClone(Pass& pass); // another machine under this identity: false, the pass refused

    EngineContext& m_ctx;
};

} // namespace escale::sync::engine
