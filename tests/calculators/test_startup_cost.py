"""«Hva det krever å starte»: the team member's hours come from the meeting rows both calculators use."""

from __future__ import annotations

import pytest

from calculators.engine import registry
from calculators.site import startup_cost
from calculators.view.view import format_number


def test_the_team_member_hours_are_the_calculators_meeting_hours() -> None:
    meeting = {i.id: i.default for i in registry.load("investeringsmote").inputs}
    family = {i.id: i.default for i in registry.load("familie").inputs}
    assert (family["motetimer"], family["forberedelse"]) == (meeting["motetimer"], meeting["forberedelse"])
    text = startup_cost.member_hours()
    total = format_number(meeting["motetimer"] + meeting["forberedelse"], "antall")
    assert text.startswith(f"Illustrasjon: {total} timer per møte (")
    assert f"{format_number(meeting['forberedelse'], 'antall')} timer forberedelse" in text


def test_the_page_marker_is_replaced_and_an_unknown_one_is_named() -> None:
    assert "oppstart" not in startup_cost.render_markers("| a | <!-- oppstart: teammedlem --> |", "x.md")
    with pytest.raises(startup_cost.StartupError, match=r"x\.md: <!-- oppstart: tull --> finnes ikke"):
        startup_cost.render_markers("<!-- oppstart: tull -->", "x.md")


def test_the_cost_table_counts_the_project_leader_with_the_calculators_figure() -> None:
    # Issue 23 (samfunnsøkonom review): the page once said the project leader came «i tillegg»
    # while the calculator never counted it. Now both use the family model's fixed cost.
    from types import SimpleNamespace

    from calculators.models import familie
    from calculators.view.view import amount

    model = registry.load("familie")
    values = {i.id: i.default for i in model.inputs}
    assert values["faste_kostnader"] > 0
    table = startup_cost.cost_table()
    assert f"| {amount(values['faste_kostnader'])} | kommunen |" in table
    one_year = sum(familie.investment_per_year(SimpleNamespace(**values)))
    assert f"| {amount(one_year)} |" in table
    assert "i tillegg" not in table
    note = next(r.note for r in model.ranges if r.id == "faste_kostnader")
    assert note.rstrip(".") in table


def test_the_project_leader_is_the_post_the_fixed_cost_pays_for_every_follow_up_year() -> None:
    # Review 2 (issue 23): the page said «20–50 % stilling det første året» while the model charges
    # the fixed cost in every follow-up year, spread over four families. Page and data now agree.
    from calculators.models import familie

    model = registry.load("familie")
    v = {i.id: i.default for i in model.inputs}
    post = familie.hourly_cost(v["arslonn"], v["pensjon"], v["arbeidsgiveravgift"], v["arsverk_timer"]) * v["arsverk_timer"]
    share = round(v["faste_kostnader"] * startup_cost.SHARED_BY / post * 100)
    text = startup_cost.project_leader()
    assert text.startswith(f"Illustrasjon: omtrent {format_number(share, '%')} stilling i hvert oppfølgingsår, "
                           f"fordelt på {startup_cost.SHARED_BY} familier")
    note = " ".join(next(r.note for r in model.ranges if r.id == "faste_kostnader").split())
    assert f"per oppfølgingsår, fordelt på {startup_cost.SHARED_BY} familier" in note
    assert "det første året" not in note
