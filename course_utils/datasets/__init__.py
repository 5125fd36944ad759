"""Medical data for the course, all offline.

Real samples that installed packages ship, deterministic synthetic sets with exact ground
truth, and loaders for a learner's own data.
"""

from __future__ import annotations

from .real import ct_sample, mr_sample

__all__ = ["ct_sample", "mr_sample"]
