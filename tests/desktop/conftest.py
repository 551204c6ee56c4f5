"""The display every desktop test gets: its own Xvfb, once without and once with a window
manager (openbox); skipped where the programs are missing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.desktop.harness import Display, missing


@pytest.fixture(params=[False, True], ids=["no-window-manager", "openbox"])
def display(request: pytest.FixtureRequest) -> Iterator[Display]:
    lacking = missing(window_manager=request.param)
    if lacking:
        pytest.skip(lacking)
    with Display(window_manager=request.param) as place:
        yield place
