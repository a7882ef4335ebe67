"""The challenge-set benchmark of issues #12/#13: see benchmarks/challenge/__init__.py.

    python benchmarks/challenge.py --corpus DIR [--half tune] [--lines 200] [--json OUT] ...

(the same as ``python -m benchmarks.challenge``; the code is in benchmarks/challenge/).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.challenge.cli import main

    sys.exit(main())
