"""Peak memory of the running process, shared by the benchmark's child processes."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kb() -> int:
    """Peak RSS of this process image: ``VmHWM``. ``getrusage().ru_maxrss`` is not used
    where it can be avoided: on Linux it keeps the peak of the parent that forked us
    (160 MB for the benchmark runner), so every child looked the same size."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
