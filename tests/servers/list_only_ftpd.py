#!/usr/bin/python3
"""A LIST-only FTP server for the tests: pyftpdlib (a second, unrelated FTP implementation)
without MLSD, MLST or MFMT, one user, on 127.0.0.1.

usage: list_only_ftpd.py PORT ROOT USER PASSWORD
"""
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


class ListOnlyHandler(FTPHandler):
    # FEAT lists what proto_cmds holds: without these the client must fall back to LIST.
    proto_cmds = {k: v for k, v in FTPHandler.proto_cmds.items() if k not in ("MLSD", "MLST", "MFMT")}


def main():
    port, root, user, password = sys.argv[1:5]
    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, root, perm="elradfmw")
    ListOnlyHandler.authorizer = authorizer
    ListOnlyHandler.passive_ports = range(60000, 65000)
    server = FTPServer(("127.0.0.1", int(port)), ListOnlyHandler)
    server.serve_forever()


if __name__ == "__main__":
    main()
