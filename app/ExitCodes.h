#pragma once

// Exit codes of escale and escalectl; documented in docs/cli.md. Scripts rely on them.
namespace escale {

enum ExitCode : int
{
    ExitOk = 0,
    ExitFailure = 1,     // a repository failed (sync pass, relay error); the message says why
    ExitUsage = 2,       // bad command line or invalid configuration
    ExitAuth = 3,        // wrong password or passphrase, or a secret is missing
    ExitUnreachable = 4, // the relay cannot be reached
    ExitLocalFolder = 5, // the local folder is missing or cannot be written
    ExitNoInstance = 6,  // escalectl: no running instance to talk to
    ExitIncomplete = 7,  // --once: the pass ran, but something could not be sent or received
};

} // namespace escale
