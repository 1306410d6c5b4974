"""Grouping interactions into real events: reports of one event across articles, plans then meetings,
denials kept as contradictions, different occasions kept apart.  Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph.ingest.save import save
from newsgraph.resolve.events import content_words, similarity, window
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.grouping import Report, blocks

PEOPLE = {"a": ("Ana Torres", "Person"), "b": ("Bruno Diaz", "Person"), "c": ("Carla Ruiz", "Person")}


def article(
    text: str, events: list[tuple[str, str, str, str]], published: str | None, time: dict[str, str] | None = None
) -> tuple[dict[str, Any], str]:
    """A document JSON for ``text`` whose events are (type, source key, target key, status), each with the
    whole text as its sentence; the people are named in the text."""
    entities = []
    for key, (name, etype) in PEOPLE.items():
        at = text.find(name)
        if at >= 0:
            entities.append({"id": key, "name": name, "type": etype, "aliases": [], "mentions": [{"start": at, "end": at + len(name), "text": name}]})
    evs = [
        {
            "id": f"v{i}",
            "type": etype,
            "source": [s],
            "target": [o],
            "status": status,
            "time": time or {},
            "evidence": [{"sentence": text, "start": 0, "end": len(text)}],
            "confidence": 0.9,
        }
        for i, (etype, s, o, status) in enumerate(events)
    ]
    return {
        "document": {"id": text[:20], "title": None, "published": published},
        "entities": entities,
        "events": evs,
        "roles": [],
        "quotes": [],
    }, text


def events_of(store: Store) -> list[tuple[str, str, int, int, int]]:
    with Session(store.engine) as s:
        return sorted((e.type, e.status, e.contradicted, e.reports, e.documents) for e in s.scalars(select(t.RealEvent)))


def reasons(store: Store) -> list[str]:
    with Session(store.engine) as s:
        return sorted(s.scalars(select(t.EventReport.reason)))


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "events.db")) as st:
        yield st


def test_two_articles_on_one_meeting_are_one_event_with_two_reports(store):
    save(store, *article("Ana Torres met Bruno Diaz in the capital on Monday.", [("CONSULT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Bruno Diaz held talks with Ana Torres, his office said.", [("CONSULT", "b", "a", "occurred")], "2024-05-07"))
    assert events_of(store) == [("CONSULT", "occurred", 0, 2, 2)]
    assert reasons(store) == ["first", "same-time"]


def test_the_same_actors_meeting_a_month_later_is_another_event(store):
    save(store, *article("Ana Torres met Bruno Diaz in the capital.", [("CONSULT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Ana Torres met Bruno Diaz again in the port city.", [("CONSULT", "a", "b", "occurred")], "2024-06-10"))
    assert events_of(store) == [("CONSULT", "occurred", 0, 1, 1), ("CONSULT", "occurred", 0, 1, 1)]


def test_a_planned_meeting_then_held_is_one_event_whose_status_is_occurred(store):
    plan = article(
        "Ana Torres will meet Bruno Diaz on Friday.", [("CONSULT", "a", "b", "planned")], "2024-05-06", {"text": "on Friday", "start": "2024-05-10"}
    )
    save(store, *plan)
    assert events_of(store) == [("CONSULT", "planned", 0, 1, 1)]
    save(store, *article("Ana Torres and Bruno Diaz met on Friday to discuss trade.", [("CONSULT", "a", "b", "occurred")], "2024-05-11"))
    assert events_of(store) == [("CONSULT", "occurred", 0, 2, 2)]
    assert reasons(store) == ["first", "planned-then-held"]


def test_a_denial_joins_the_event_as_a_contradiction(store):
    save(store, *article("Ana Torres met Bruno Diaz secretly, a newspaper reported.", [("CONSULT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Bruno Diaz denied meeting Ana Torres.", [("CONSULT", "b", "a", "negated")], "2024-05-07"))
    assert events_of(store) == [("CONSULT", "occurred", 1, 2, 2)]


def test_other_types_and_other_actors_are_other_events(store):
    save(store, *article("Ana Torres criticised Bruno Diaz.", [("ACCUSE", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Ana Torres praised Bruno Diaz.", [("SUPPORT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Ana Torres criticised Carla Ruiz.", [("ACCUSE", "a", "c", "occurred")], "2024-05-06"))
    assert len(events_of(store)) == 3


def test_undated_reports_join_when_they_say_the_same_in_other_words(store):
    save(store, *article("Ana Torres accused Bruno Diaz of wasting public money on the stadium project.", [("ACCUSE", "a", "b", "occurred")], None))
    save(store, *article("Bruno Diaz wasted public money on the stadium, Ana Torres charged.", [("ACCUSE", "a", "b", "occurred")], None))
    save(store, *article("Ana Torres accused Bruno Diaz of lying about hospital waiting lists.", [("ACCUSE", "a", "b", "occurred")], None))
    assert [n for *_, n, _d in events_of(store)] == [1, 2]


def repeating(text: str, published: str | None) -> tuple[dict[str, Any], str]:
    """An article that reports Ana Torres meeting Bruno Diaz in each of its two sentences."""
    doc, _ = article(text, [], published)
    cut = text.index(". ") + 1
    for i, (start, end) in enumerate([(0, cut), (cut + 1, len(text))]):
        doc["events"].append(
            {
                "id": f"v{i}",
                "type": "CONSULT",
                "source": ["a"],
                "target": ["b"],
                "status": "occurred",
                "time": {},
                "evidence": [{"sentence": text[start:end], "start": start, "end": end}],
                "confidence": 0.9,
            }
        )
    return doc, text


def test_a_dated_article_repeating_itself_is_one_event_and_an_undated_one_is_not_assumed_to(store):
    save(store, *repeating("Ana Torres met Bruno Diaz. Later Ana Torres met Bruno Diaz for lunch.", "2024-05-06"))
    assert events_of(store) == [("CONSULT", "occurred", 0, 2, 1)]
    assert reasons(store) == ["first", "same-time"]
    save(store, *repeating("Ana Torres met Bruno Diaz in May. Ana Torres met Bruno Diaz again in June.", None))
    assert len(events_of(store)) == 3  # an article's own sentences on one pair are not one occasion by their words


def test_re_ingesting_an_article_adds_no_report(store):
    pair = article("Ana Torres met Bruno Diaz.", [("CONSULT", "a", "b", "occurred")], "2024-05-06")
    save(store, *pair)
    save(store, *pair)
    assert events_of(store) == [("CONSULT", "occurred", 0, 1, 1)]


def test_blocks_are_the_same_both_ways_round_for_symmetric_types_only():
    assert blocks("CONSULT", ["x"], ["y"]) == blocks("CONSULT", ["y"], ["x"])
    assert blocks("ACCUSE", ["x"], ["y"]) != blocks("ACCUSE", ["y"], ["x"])
    assert len(blocks("ACCUSE", ["x", "z"], ["y"])) == 2
    assert len(blocks("ACCUSE", ["x"], [])) == 1


def test_content_words_leave_out_names_and_short_words():
    assert content_words("Ana Torres accused the minister of lying") == {"accuse", "minist", "lying"}
    assert similarity("Torres accused the minister of lying", "The minister was accused of lying by Torres") == 1.0
    assert similarity("Torres accused the minister of lying", "Torres praised the striker") == 0.0


def test_figures_are_content_too():
    assert content_words("Acme bought the plant for $9.4bn on 19 December") == {"bought", "plant", "#9.4bn", "#19"}
    # a paraphrase that shares the sum and the day says the same thing
    assert similarity("Acme bought the plant for $9.4bn on 19 December", "The plant was sold for $9.4bn to Acme") > 0.2


def test_a_lawsuit_lasts_longer_than_a_statement():
    r = Report("i", "ACCUSE", "occurred", ("a",), ("b",), "d", "", None, False, None)
    assert window(r) < window(Report("i", "ACCUSE", "occurred", ("a",), ("b",), "d", "", None, False, None, mode="sue"))


def test_an_event_reads_back_with_its_reports_outlets_and_history(store):
    plan, text = article(
        "Ana Torres will meet Bruno Diaz on Friday.", [("CONSULT", "a", "b", "planned")], "2024-05-06", {"text": "on Friday", "start": "2024-05-10"}
    )
    plan["document"]["url"] = "https://www.example.org/plan"
    save(store, plan, text)
    held, text2 = article("Ana Torres met Bruno Diaz on Friday.", [("CONSULT", "a", "b", "occurred")], "2024-05-11")
    held["document"]["url"] = "https://news.example.com/held"
    save(store, held, text2)
    (listed,) = store.events(actor="Bruno Diaz")
    assert (listed["status"], listed["reports"], listed["sources"]) == ("occurred", 2, 2)
    assert listed["source"] == ["Ana Torres"] and listed["target"] == ["Bruno Diaz"]
    event = store.event(listed["id"])
    assert [(h["status"], h["outlet"]) for h in event["history"]] == [("planned", "example.org"), ("occurred", "news.example.com")]
    assert [r["reason"] for r in event["reports"]] == ["first", "planned-then-held"]
    assert store.events(status="planned") == []
    assert store.edges()[0]["event"]["reports"] == 2
    with pytest.raises(KeyError):
        store.event("nope")


def test_filters_on_contradicted_and_reports(store):
    save(store, *article("Ana Torres met Bruno Diaz secretly.", [("CONSULT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Bruno Diaz denied meeting Ana Torres.", [("CONSULT", "b", "a", "negated")], "2024-05-07"))
    save(store, *article("Ana Torres criticised Carla Ruiz.", [("ACCUSE", "a", "c", "occurred")], "2024-05-06"))
    assert [e["type"] for e in store.events(contradicted=True)] == ["CONSULT"]
    assert [e["type"] for e in store.events(min_reports=2)] == ["CONSULT"]
    assert len(store.events()) == 2


def test_the_example_and_its_retelling_give_one_event_per_meeting_with_two_reports(store, read, shared):
    """The example article and another article written for this test, reporting the same meetings in other
    words a day later (examples/milei-silicon-valley-retold.txt)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path, published in (
        (shared / "examples" / "milei-silicon-valley.txt", "2024-05-27"),
        (root / "examples" / "milei-silicon-valley-retold.txt", "2024-05-28"),
    ):
        text = path.read_text(encoding="utf-8")
        save(store, read(text, published), text)
    meetings = {(tuple(e["source"]), tuple(e["target"]), e["status"]): e["reports"] for e in store.events(type="CONSULT")}
    for ceo in ("Sundar Pichai", "Sam Altman", "Mark Zuckerberg", "Tim Cook"):
        assert meetings[("Javier Milei",), (ceo,), "planned"] == 2, ceo
    assert meetings[("Elon Musk",), ("Javier Milei",), "occurred"] == 2


def test_after_a_merge_a_report_of_the_merged_actor_finds_the_event(store):
    from newsgraph.resolve.curate import merge

    save(store, *article("Ana Torres met Bruno Diaz in the capital in April.", [("CONSULT", "a", "b", "occurred")], "2024-04-01"))
    save(store, *article("Carla Ruiz held talks with Ana Torres.", [("CONSULT", "c", "a", "occurred")], "2024-05-07"))
    merge(store, "Bruno Diaz", "Carla Ruiz", force=True)  # say a curator found they are one
    save(store, *article("Ana Torres and Bruno Diaz talked on Monday, officials said.", [("CONSULT", "a", "b", "occurred")], "2024-05-07"))
    assert sorted(n for *_, n, _d in events_of(store)) == [1, 2]  # the May talks, found under the merged actor


def test_events_are_curated_as_entities_are(store):
    from newsgraph.resolve.curate import CurationError, history
    from newsgraph.resolve.curate_events import merge_events, split_report

    save(store, *article("Ana Torres met Bruno Diaz in the capital.", [("CONSULT", "a", "b", "occurred")], "2024-05-06"))
    save(store, *article("Ana Torres met Bruno Diaz on a later trip.", [("CONSULT", "a", "b", "occurred")], "2024-07-06"))
    first, second = sorted(store.events(), key=lambda e: e["date_start"])
    dry = merge_events(store, first["id"], second["id"], "one trip", dry_run=True)
    assert dry["reports"] == 1 and len(store.events()) == 2
    merge_events(store, first["id"], second["id"], "the same trip, misdated")
    (merged,) = store.events()
    assert (merged["reports"], merged["date_start"], merged["date_end"]) == (2, "2024-05-06", "2024-07-06")
    assert {r["reason"] for r in store.event(merged["id"])["reports"]} == {"first", "curated"}
    later = store.event(merged["id"])["reports"][1]["interaction"]
    split = split_report(store, later, "two trips after all")
    assert sorted(e["reports"] for e in store.events()) == [1, 1] and split["new"] != merged["id"]
    assert [h["action"] for h in history(store)][-2:] == ["event-merge", "event-split"]
    with pytest.raises(CurationError, match="only report"):
        split_report(store, later)
    with pytest.raises(CurationError, match="no event"):
        merge_events(store, "nope", merged["id"])


def test_undated_speculation_on_one_interaction_is_one_prospect_whatever_its_words(store):
    """Two articles that only speculate that Ana Torres may sue Bruno Diaz speak of one prospect
    (``same-prospect``); a report that she did sue him is not joined to it by that rule."""
    save(store, *article("Ana Torres could take legal action against Bruno Diaz.", [("ACCUSE", "a", "b", "hypothetical")], None))
    save(store, *article("Bruno Diaz may face a court challenge from Ana Torres next year.", [("ACCUSE", "a", "b", "hypothetical")], None))
    save(store, *article("Ana Torres sued Bruno Diaz for breach of trust.", [("ACCUSE", "a", "b", "occurred")], None))
    assert sorted(n for *_, n, _d in events_of(store)) == [1, 2]
    assert "same-prospect" in reasons(store)


def test_an_undated_denial_of_a_speculation_joins_it(store):
    """The speculation and its denial are one prospect, still hypothetical (nobody reports it happened, so
    nothing is contradicted)."""
    save(store, *article("Ana Torres could take legal action against Bruno Diaz.", [("ACCUSE", "a", "b", "hypothetical")], None))
    save(store, *article("Ana Torres ruled out suing Bruno Diaz, her office said.", [("ACCUSE", "a", "b", "negated")], None))
    assert events_of(store) == [("ACCUSE", "hypothetical", 0, 2, 2)]
    assert "same-prospect" in reasons(store)
