#pragma once

#include "protocol/ObjectCodec.h"
#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "sync/HeaderOnRelay.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace escale::crypto {
class RepositoryKeys;
}

namespace escale::sync::engine {

struct EngineContext;
struct Pass;
class OwnJournal;

// Chooses the codec for the repository's header (relay-format.md section 4). Returning nullptr
// refuses the repository with `error`.
using CodecFactory = std::function<std::shared_ptr<protocol::ObjectCodec>(const protocol::RepositoryHeader&,
                                                                          QString& error)>;

// Opening the repository on the relay, once per run: reads (or, for a new repository, writes) the
// header, checks its format and encryption against the configuration, derives the key on its own
// thread while the folder is scanned, sets the object store's codec, checks the repository is the
// one this folder synchronised with, prepares the relay's folders and removes what an interrupted
// run left there.
class RepositoryOpener
{
public:
    RepositoryOpener(EngineContext& context, OwnJournal& journal);
    ~RepositoryOpener();

    void setCodecFactory(CodecFactory factory) { m_codecFactory = std::move(factory); }

    // Reads the header; starts deriving the key if needed. False with the pass failed.
    bool openRepository(Pass& pass);
    // Waits for the key, sets the codec and checks the repository; false with the pass failed.
    bool completeRepository(Pass& pass);
    // Looks at the relay folder's top level for what is not Escale 1's (Escale 0.7's files after
    // an upgrade): at the start of a run, then hourly while something is there; logs it once.
    void lookAtRelayFolder(Pass& pass);
    // The folders every pass writes to (heads/, its journal, data/), made where missing.
    bool prepareFolders(Pass& pass);
    bool ensureRepository(Pass& pass); // both

private:
    bool examineHeader(Pass& pass, const HeaderOnRelay& read);
    HeaderOnRelay publishHeader(const protocol::RepositoryHeader& header);
    bool upgradeFormat(Pass& pass);
    void failOnHeader(Pass& pass, const relay::RelayError& e);

    EngineContext& m_ctx;
    OwnJournal& m_journal;
    CodecFactory m_codecFactory;
    std::unique_ptr<crypto::RepositoryKeys> m_keys; // an encrypted repository's opened keys
    QByteArray m_keysFor;                           // the header they were opened from
    struct KeyWork;
    std::unique_ptr<KeyWork> m_keyWork;                    // a key being derived
    std::shared_ptr<protocol::ObjectCodec> m_pendingCodec; // the header's codec, set once complete
    QString m_pendingRepository;                           // the header's repository id
    std::optional<protocol::RepositoryHeader> m_toUpgrade; // a format-1 header, rewritten once checked (R43)
    bool m_cleanedTemporary = false;
};

} // namespace escale::sync::engine
