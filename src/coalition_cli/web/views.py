"""What each page is told, as JSON: plain data the page's script puts on screen as text (never as markup).

A phone learns the open indicator with its stage descriptors, its own vote (and `mark`, its
fingerprint, which the page sends back to hear at once of a vote from another tab of the phone), and
the round (which "Vote again" moves on); never anyone else's vote, and no count (the room rates silently first). The presenter learns every count and, once the
facilitator reveals an indicator, its result: the distribution by stage and by stakeholder group, the
spread, the proposed stage and the evidence sentences. It also learns how many phones are here now
and how many joined in all (counts: which phone is never said), the rating of the open indicator as
the file holds it now (`seen`, which Save sends back), and which indicator "Open the first indicator"
and "Next indicator" open (`agenda`: the next not rated yet in the file), or, with none left, what
Next says instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from coalition_cli.core.model.abbreviations import said
from coalition_cli.core.reports.consensus import disagreeing_raters
from coalition_cli.core.room.agenda import not_rated_after
from coalition_cli.core.room.phones import phones_words, took_part_words, voted_words
from coalition_cli.core.room.session import RoomSession
from coalition_cli.core.room.state import Ballot
from coalition_cli.core.room.tally import Result, tally
from coalition_cli.core.wording import plural


def _indicator(session: RoomSession, indicator: str) -> dict[str, Any]:
    fw = session.framework
    rubric, domain = fw.indicator(indicator), fw.domain_of(indicator)
    return {
        "id": rubric.id,
        "name": rubric.name,
        "domain": domain.label,
        "spelled_out": said(fw.abbreviations_in(indicator)),
        "stages": [
            {"number": stage.number, "name": stage.name, "descriptor": list(rubric.descriptor(stage.number))}
            for stage in fw.stages
        ],
    }


def _ballot(session: RoomSession, device: str) -> Ballot | None:
    """The phone's live vote on the open indicator."""
    current = session.state.current
    return session.state.ballots.get(current, {}).get(device) if current else None


def vote_mark(session: RoomSession, device: str) -> str:
    """A fingerprint of the phone's vote on the open indicator ("0": none): its page sends it back
    when it asks for news, and is answered at once when another tab of the phone changed the vote."""
    ballot = _ballot(session, device)
    if ballot is None:
        return "0"
    said = json.dumps([ballot.stage, ballot.group, ballot.evidence], ensure_ascii=False)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]


def participant_view(session: RoomSession, device: str, phase: int) -> dict[str, Any]:
    state = session.state
    current = state.current
    ballot = _ballot(session, device)
    return {
        "phase": phase,
        "coalition": session.file.assessment.coalition,
        "indicator": _indicator(session, current) if current else None,
        "open": state.accepting,
        "revealed": state.revealed,
        "round": state.round,  # "Vote again" starts a new round: a phone that voted is told it can change its vote
        "mine": None
        if ballot is None
        else {"stage": ballot.stage, "group": ballot.group, "evidence": ballot.evidence},
        "mark": vote_mark(session, device),
        "groups": [{"id": key, "name": name} for key, name in session.groups.items()],
    }


def presenter_view(session: RoomSession, version: int, join_url: str) -> dict[str, Any]:
    state, fw = session.state, session.framework
    indicators = []
    for indicator in fw.indicators:
        domain = fw.domain_of(indicator.id)
        indicators.append(
            {
                "id": indicator.id,
                "name": indicator.name,
                "domain": domain.label,
                "voted": len(state.ballots.get(indicator.id, {})),
                "file_stage": session.file.stage(indicator.id),
                "agreed": indicator.id in state.agreed,
            }
        )
    assessment = session.file.assessment
    phones = session.phones_counted
    stages = session.file.stages
    first = _first(session, stages)
    return {
        "version": version,
        "coalition": assessment.coalition,
        "term": assessment.term,
        "file": session.path.name,
        "join_url": join_url,
        "stages": [{"number": stage.number, "name": stage.name} for stage in fw.stages],
        "here": phones.here,
        "joined": phones.joined,
        "phones_text": _sentence_case(phones_words(phones)),
        "took_part_text": _sentence_case(took_part_words(phones, len(state.devices))),
        "first": first,
        "next": _next(session, stages, first),
        "indicators": indicators,
        "current": _current(session) if state.current else None,
    }


def _first(session: RoomSession, stages: Mapping[str, int | None]) -> dict[str, str]:
    """Where "Open the first indicator" starts: the first one not rated yet, as `assess` resumes
    (all rated: the first of all)."""
    fw = session.framework
    first = not_rated_after(fw, stages)
    indicator = fw.indicator(first or fw.indicators[0].id)
    which = (
        "the first indicator"
        if first is None or first == fw.indicators[0].id
        else "the first indicator not rated yet"
    )
    return {"id": indicator.id, "label": f"Open {which}: {indicator.label}"}


def _next(
    session: RoomSession, stages: Mapping[str, int | None], first: dict[str, str]
) -> dict[str, str | None]:
    """Where "Next indicator" (and the N key) goes: the next one not rated yet after the open one,
    coming round to the start (before the first: `first`, where "Open the first indicator" goes).
    With none left, `id` is None and `message` says so, instead of opening one already rated."""
    fw, current = session.framework, session.state.current
    if current is None:
        return {**first, "message": None}
    following = not_rated_after(fw, stages, current)
    if following is None:
        every = "Every indicator" if stages.get(current) is not None else "Every other indicator"
        message = f"{every} is rated in the assessment. To rate one again, open it from the list."
        return {"id": None, "label": message, "message": message}
    label = f"Opens {fw.named(following)}, the next not rated yet"
    return {"id": following, "label": label, "message": None}


def _sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:]


def _current(session: RoomSession) -> dict[str, Any]:
    state = session.state
    current = state.current
    assert current is not None
    ballots = state.ballots_on(current)
    file_stage, file_evidence = session.file_rating(current)
    return {
        **_indicator(session, current),
        "open": state.accepting,
        "revealed": state.revealed,
        "round": state.round,
        "voted": len(ballots),
        "voted_text": voted_words(session.phones_voting_on(current), session.phones_counted.joined),
        "dont_know": sum(ballot.stage is None for ballot in ballots),
        "file_stage": file_stage,
        "file_evidence": file_evidence,
        "seen": session.seen_parts(current),
        "result": _result(session, tally(session.framework, session.groups, current, ballots))
        if state.revealed
        else None,
    }


def _result(session: RoomSession, result: Result) -> dict[str, Any]:
    fw = session.framework
    return {
        "voted": result.voted,
        "dont_know": result.dont_know,
        "by_stage": [{"number": s.number, "name": s.name, "count": s.count} for s in result.by_stage],
        "by_group": [
            {
                "name": group.name,
                "counts": list(group.counts),
                "dont_know": group.dont_know,
                "voted": group.voted,
            }
            for group in result.by_group
        ],
        "spread": result.spread,
        "flagged": result.flagged,
        "spread_text": _spread_text(result),
        "proposed": result.proposed,
        "proposed_name": fw.stage_name(result.proposed) if result.proposed is not None else None,
        "evidence": [
            {
                "stage": item.stage,
                "stage_name": fw.stage_name(item.stage) if item.stage is not None else "Don't know",
                "group": session.groups.get(item.group or "", ""),
                "text": item.text,
            }
            for item in result.evidence
        ],
    }


def _spread_text(result: Result) -> str:
    if result.spread is None:
        return "Nobody gave a stage."
    if result.flagged:
        return f"Discuss first: {disagreeing_raters(result.discuss_from)} (spread {result.spread})."
    if result.spread == 0:
        return "Everyone who gave a stage gave the same one."
    return f"Ratings are within {plural(result.spread, 'stage')} of each other."
