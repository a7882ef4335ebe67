"""The command line: parse options, call the library, print. Nothing else lives here.

Exit codes: 0 success; 1 an error (one line on stderr); 2 bad usage; 3 ``--fail-on``
found flags at or above the given severity; 130 interrupted.
"""

from xlate.cli.app import app, main

__all__ = ["app", "main"]
