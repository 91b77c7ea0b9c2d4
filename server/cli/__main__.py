"""`python -m server.cli`: the `aufruf` command."""

import sys

from server.cli import main

sys.exit(main())
