"""Make the README's pictures of printed vouchers: a receipt slip, an A6 slip and an A4
label sheet, drawn exactly as they are printed, from the sandbox's own vouchers.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/print_screenshots.py [--language en|nl]
    (English goes to docs/screenshots/print, Dutch to docs/screenshots/nl/print)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from piggy_desk.api import PiggyClient
from piggy_desk.api.models import Voucher
from piggy_desk.sandbox import KNOWN, start_sandbox
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.printing import Layout, render_images
from piggy_desk.voucher_print import A4_3X8, SlipFacts

ROOT = Path(__file__).resolve().parents[1]
DPI = 150.0


async def sandbox_vouchers(base_url: str, token: str) -> tuple[str, Voucher, list[Voucher]]:
    """The shop's name, a multi-use voucher, and a sheet's worth of vouchers: first one
    whose code takes several lines, then the discount promotion's."""
    async with PiggyClient(base_url, token) as client:
        shop = (await client.shops.get(KNOWN.SHOP_UUID)).name
        one = await client.vouchers.find(KNOWN.MULTI_USE)
        long = await client.vouchers.create(
            KNOWN.PROMOTION_DISCOUNT, code="zomer-2026-kaas-en-wijn-proeverij-utrecht-oudegracht"
        )
        page = await client.vouchers.list(
            promotion_uuid=KNOWN.PROMOTION_DISCOUNT, limit=A4_3X8.per_page - 1
        )
        return shop, one, [long, *(v for v in page.items if v.code != long.code)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "nl"), default="en")
    args = parser.parse_args()
    app = QApplication([])
    install_translators(app, args.language)
    out = ROOT / "docs" / "screenshots" / ("print" if args.language == "en" else "nl/print")
    out.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    sandbox = start_sandbox(token=token)
    try:
        shop, one, many = asyncio.run(sandbox_vouchers(sandbox.base_url, token))
    finally:
        sandbox.stop()
    slip = SlipFacts.of(one, shop)
    for layout, name in ((Layout.RECEIPT, "slip-80mm.png"), (Layout.A6, "slip-a6.png")):
        [image] = render_images([slip], layout, dpi=DPI)
        image.save(str(out / name))
        print(out / name)
    sheet = [SlipFacts.of(voucher, shop) for voucher in many]
    [page] = render_images(sheet, Layout.SHEET, dpi=DPI)
    page.save(str(out / "sheet-a4.png"))
    print(out / "sheet-a4.png")


if __name__ == "__main__":
    main()
