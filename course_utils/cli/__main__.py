"""``python -m course_utils.cli``: the same as the ``course`` command."""

import sys

from . import main

sys.exit(main())
