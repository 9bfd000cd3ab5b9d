"""Allow ``python -m newslint``."""

from __future__ import annotations

import sys

from newslint.cli import main

sys.exit(main())
