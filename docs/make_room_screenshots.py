"""Take the README's screenshots of `coalition room`: a phone's page and the presenter's, mid-session.

    python docs/make_room_screenshots.py        # writes docs/room-phone.png and docs/room-presenter.png

A real session on a copy of the Riverside example, served on 127.0.0.1: fourteen phones (httpx)
and one real browser phone (Debian's chromium, driven by Playwright, at 390×844) rate C2.3, then
the presenter reveals the result. Needs the test extras (`pip install -e ".[test]"`).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.support.room import serve, vote  # noqa: E402
from tests.support.room_browser import browser, phone_page, projector_page  # noqa: E402

INDICATOR = "C2.3"
VOTES = [  # (stage or None for don't know, stakeholder group, evidence)
    (2, "k12-education", "Each partner owns one piece, but nobody owns the whole pathway."),
    (2, "postsecondary", "Dual enrollment is shared; advising is not."),
    (3, "corporations", "We co-lead the health pathway with the district."),
    (2, "parent-student-advocacy", None),
    (1, "parent-student-advocacy", "Families are told about decisions after they are made."),
    (2, "workforce-economic-development", None),
    (3, "business-organizations", "The Chamber chairs two working groups."),
    (2, "community-based-organizations", None),
    (None, "faith-based-organizations", None),
    (2, "k12-education", None),
    (4, "corporations", None),
    (2, None, None),
    (3, "civic", "The city funds summer internships every year."),
    (2, "labor-unions", None),
]


def main() -> None:
    out = ROOT / "docs"
    with tempfile.TemporaryDirectory() as folder:
        for name in ("2026-03-spring.yaml", "coalition.yaml"):
            shutil.copy(ROOT / "examples" / "riverside" / name, folder)
        with serve(Path(folder) / "2026-03-spring.yaml") as room, browser() as chromium:
            room.presenter().post("/api/f/open", json={"indicator": INDICATOR})
            for stage, group, evidence in VOTES:
                assert (
                    vote(room.participant(), INDICATOR, stage, group=group, evidence=evidence).status_code
                    == 200
                )

            phone = phone_page(chromium)
            phone.goto(room.server.links.join)
            phone.get_by_role("button", name="Parent, student, and advocacy groups").click()
            phone.get_by_role("heading", name=f"{INDICATOR} Shared Responsibility").wait_for()
            phone.get_by_text("2 · Developing").click()
            phone.get_by_label("Why? One sentence of evidence").fill(
                "The parent council is consulted once a year."
            )
            phone.get_by_role("button", name="Send: 2 Developing").click()
            phone.get_by_role("button", name="Saved ✓").wait_for()
            phone.evaluate("() => window.scrollTo(0, 0)")
            phone.screenshot(path=str(out / "room-phone.png"))

            presenter = projector_page(chromium)
            presenter.goto(room.server.links.presenter)
            presenter.get_by_role("button", name="Hide the join code").click()
            presenter.get_by_role("button", name="Reveal the result").click()
            presenter.get_by_text("Proposed:").wait_for()
            presenter.screenshot(path=str(out / "room-presenter.png"))
    print(f"wrote {out / 'room-phone.png'} and {out / 'room-presenter.png'}")


if __name__ == "__main__":
    main()
