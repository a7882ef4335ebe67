"""python -m benchmarks.challenge: the challenge-set benchmark."""

import sys

from benchmarks.challenge.cli import main

sys.exit(main())
