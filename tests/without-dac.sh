#!/bin/sh
# Runs a test as a process that cannot read files their permission bits forbid: under root, the
# capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) are dropped for good
# (util-linux's setpriv); any other user is subject to them already.
if [ "$(id -u)" = 0 ]; then
    exec setpriv --bounding-set=-dac_override,-dac_read_search -- "$@"
fi
exec "$@"
