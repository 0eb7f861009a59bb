"""The dashboard's figures on a known history (tests/insights/conftest.py: dashboard_data)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse

from insights import stats
from insights.views import duration_text
from invitations.models import Invitation
from invitations.selectors import median_time_to_decision

pytestmark = pytest.mark.django_db


def _url(org, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_invitations_are_counted_per_week_and_recommendation(org, dashboard_data):
    weeks = stats.weekly_counts(org=org)
    assert len(weeks) == 12
    assert [w["week"].weekday() for w in weeks] == [0] * 12
    this, last, three = weeks[-1]["counts"], weeks[-2]["counts"], weeks[-4]["counts"]
    assert this == {"accept": 2, "ignore": 0, "dont_know": 0, "report_spam": 1, "pending": 1}
    assert last == {"accept": 0, "ignore": 1, "dont_know": 1, "report_spam": 0, "pending": 0}
    assert three["report_spam"] == 2
    # Olga's invitation, thirteen weeks ago, is outside the chart.
    assert sum(sum(w["counts"].values()) for w in weeks) == 8


def test_override_rates_per_rule_count_only_positive_hits_of_decided_invitations(
    org, dashboard_data
):
    by_rule = {s.rule: s for s in stats.rule_stats(org=org)}
    got = {
        rule: (s.hits, s.decided, s.overridden, s.override_rate)
        for rule, s in by_rule.items()
        if s.hits
    }
    assert got == {
        "promotional": (3, 2, 1, 0.5),
        "no_photo": (1, 1, 0, 0.0),  # the neutralised (weight 0) hit does not count
        "links_in_note": (1, 0, 0, None),
        "default_text": (2, 1, 1, 1.0),
        "no_one_knows_requester": (1, 1, 1, 1.0),
        "no_context": (1, 1, 1, 1.0),
        "crypto-words": (1, 1, 0, 0.0),
    }
    assert by_rule["crypto-words"].custom is True
    assert by_rule["known_contact"].hits == 0
    assert list(by_rule)[: len(stats.RULES_BY_ID)] == list(stats.RULES_BY_ID)
    assert stats.overall_override(org=org) == {"decided": 6, "overridden": 3, "rate": 0.5}


def test_the_most_overridden_rules_come_first(org, dashboard_data):
    ordered = [s.rule for s in stats.overrides_by_rule(org=org)]
    assert ordered[:3] == ["default_text", "no_context", "no_one_knows_requester"]
    assert ordered[3] == "promotional"
    assert "links_in_note" not in ordered


def test_requesters_and_companies_reported_as_spam_are_ranked(org, dashboard_data):
    requesters = stats.top_spam_requesters(org=org)
    assert [(r["name"], r["count"]) for r in requesters] == [
        ("<script>alert(1)</script>", 2),
        ("Ben Accept", 1),
    ]
    companies = stats.top_spam_companies(org=org)
    assert [(c["name"], c["count"], c["requesters"]) for c in companies] == [
        ("Spamco", 2, 1),
        ("Bencorp", 1, 1),
    ]


def test_the_queue_size_and_the_oldest_waiting_item_are_reported(org, dashboard_data):
    queue = stats.queue_state(org=org)
    assert queue["size"] == 2
    assert queue["oldest"] == dashboard_data["ida"].created_at


def test_the_median_time_to_decision_is_the_middle_of_the_waits(org, dashboard_data):
    # Waits of 1, 3, 5, 2, 4 and 10 hours: the median is 3.5 hours.
    assert median_time_to_decision(org=org) == {
        "decided": 6,
        "median": timedelta(hours=3, minutes=30),
    }


def test_an_empty_organisation_has_no_median_and_an_empty_queue(org):
    assert median_time_to_decision(org=org) == {"decided": 0, "median": None}
    assert stats.queue_state(org=org)["size"] == 0


def test_durations_read_as_people_write_them():
    assert duration_text(timedelta(hours=3, minutes=30)) == "3 h 30 min"
    assert duration_text(timedelta(days=2, hours=5)) == "2 d 5 h"
    assert duration_text(timedelta(seconds=42)) == "42 s"
    assert duration_text(None) == "—"


def test_the_dashboard_shows_the_figures_as_charts_and_tables(org, dashboard_data, manager, login):
    page = login(manager).get(_url(org, "insights_dashboard"))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("<svg") == 4
    assert '<p class="kpi-value">2</p>' in text  # queue
    assert "3 h 30 min" in text
    assert "50 %" in text
    assert "<title>" in text
    for figure in ("weekly", "overrides", "spam_requesters", "spam_companies"):
        assert f"?figure={figure}" in text


def test_no_requester_name_reaches_the_page_unescaped(org, dashboard_data, compliance, login):
    text = login(compliance).get(_url(org, "insights_dashboard")).content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_each_figure_downloads_as_csv(org, dashboard_data, compliance, login):
    client = login(compliance)
    weekly = client.get(_url(org, "insights_csv"), {"figure": "weekly"})
    assert weekly["Content-Type"].startswith("text/csv")
    assert "attachment" in weekly["Content-Disposition"]
    rows = _csv(weekly)
    assert rows[0] == [
        "week_starting",
        "accept",
        "ignore",
        "dont_know",
        "report_spam",
        "pending",
        "total",
    ]
    assert len(rows) == 13
    assert rows[-1][1:] == ["2", "0", "0", "1", "1", "4"]
    overrides = _csv(client.get(_url(org, "insights_csv"), {"figure": "overrides"}))
    assert overrides[0] == ["rule", "title", "decided", "overridden", "override_rate"]
    assert ["promotional", "Promotional content", "2", "1", "0.5"] in overrides
    spam = _csv(client.get(_url(org, "insights_csv"), {"figure": "spam_requesters"}))
    assert spam[1][:3] == ["<script>alert(1)</script>", "name:<script>alert(1)</script>", "2"]
    companies = _csv(client.get(_url(org, "insights_csv"), {"figure": "spam_companies"}))
    assert companies[1:] == [["Spamco", "2", "1"], ["Bencorp", "1", "1"]]
    rules = _csv(client.get(_url(org, "insights_csv"), {"figure": "rules"}))
    assert ["crypto-words", "crypto-words", "1", "1", "1", "0", "0.0"] in rules
    assert client.get(_url(org, "insights_csv"), {"figure": "nope"}).status_code == 404


def test_csv_cells_that_look_like_formulas_are_neutralised(org, compliance, login):
    from tests.insights.conftest import make_invitation

    make_invitation(org, name="=HYPERLINK(1)", recommendation="report_spam")
    rows = _csv(login(compliance).get(_url(org, "insights_csv"), {"figure": "spam_requesters"}))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_the_rule_page_lists_rules_and_links_to_their_invitations(
    org, dashboard_data, manager, login
):
    page = login(manager).get(_url(org, "insights_rules"))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'data-rule="crypto-words"' in text
    link = _url(org, "insights_rule_invitations", rule="promotional")
    assert f'href="{link}?show=overridden">1</a>' in text


def test_a_rules_invitations_page_lists_them_newest_first_with_a_cursor(
    org, dashboard_data, compliance, login, monkeypatch
):
    from insights import views

    client = login(compliance)
    url = _url(org, "insights_rule_invitations", rule="promotional")
    ids = [dashboard_data[name].pk for name in ("spam_new", "spam_old", "spam_overridden")]
    page = client.get(url)
    assert [row["invitation"].pk for row in page.context["rows"]] == sorted(ids, reverse=True)
    overridden = client.get(url, {"show": "overridden"})
    assert [r["invitation"].pk for r in overridden.context["rows"]] == [
        dashboard_data["spam_overridden"].pk
    ]
    monkeypatch.setattr(views, "RULE_PAGE_SIZE", 2)
    first = client.get(url)
    assert len(first.context["rows"]) == 2
    cursor = first.context["next_before"]
    second = client.get(url, {"before": cursor})
    assert [r["invitation"].pk for r in second.context["rows"]] == [min(ids)]
    assert second.context["next_before"] is None
    review = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": min(ids)})
    assert f'href="{review}"' in second.content.decode()


def test_a_neutralised_hit_does_not_list_the_invitation_under_its_rule(
    org, dashboard_data, manager, login
):
    page = login(manager).get(_url(org, "insights_rule_invitations", rule="no_photo"))
    assert [r["invitation"].pk for r in page.context["rows"]] == [dashboard_data["spam_old"].pk]


def test_a_rule_id_that_cannot_exist_is_not_found(org, manager, login):
    assert login(manager).get(f"/o/{org.slug}/insights/rules/No%20Such/").status_code == 404


def test_figures_of_another_organisation_never_show(org, other_org, dashboard_data):
    from tests.insights.conftest import make_invitation

    make_invitation(other_org, name="Foreign Spammer", recommendation="report_spam")
    assert stats.top_spam_requesters(org=other_org)[0]["name"] == "Foreign Spammer"
    assert "Foreign Spammer" not in [r["name"] for r in stats.top_spam_requesters(org=org)]
    assert Invitation.objects.for_org(org).count() == 9


def test_rules_that_speak_for_accepting_count_their_hits_too(org):
    from tests.insights.conftest import make_invitation, monday_noon

    make_invitation(
        org,
        name="Kim Known",
        created_at=monday_noon(0),
        recommendation="accept",
        hits=[("known_contact", -4.0), ("no_photo", 0)],
        decision="accept",
    )
    make_invitation(
        org, name="Walt Worked", recommendation="accept", hits=[("worked_together", -3)]
    )
    by_rule = {s.rule: s for s in stats.rule_stats(org=org)}
    assert (by_rule["known_contact"].hits, by_rule["known_contact"].decided) == (1, 1)
    assert by_rule["worked_together"].hits == 1
    assert by_rule["no_photo"].hits == 0  # a neutralised hit (weight 0) still does not count


def test_the_german_dashboard_names_the_months_in_german(org, dashboard_data, manager, login):
    from django.utils import dateformat, translation

    weeks = stats.weekly_counts(org=org)
    page = login(manager).get(_url(org, "insights_dashboard"), HTTP_ACCEPT_LANGUAGE="de")
    text = page.content.decode()
    with translation.override("de"):
        labels = [dateformat.format(w["week"], "j M") for w in weeks]
        long = [dateformat.format(w["week"], "j F Y") for w in weeks]
        german = {dateformat.format(w["week"], "F") for w in weeks}
    with translation.override("en"):
        english = {dateformat.format(w["week"], "F") for w in weeks}
    assert all(label in text for label in labels)
    assert all(day in text for day in long)
    for month in english - german:  # e.g. "December" where German says "Dezember"
        assert f" {month} " not in text


def test_the_dashboard_lists_campaigns_with_a_link_to_their_invitations(
    org, member, manager, login
):
    from tests.invitations.fixtures import make_invitation as evaluated

    for person in (member, manager):
        evaluated(org, person, requester_name="Gary Growth", requester_key="name:gary growth")
    evaluated(org, member, requester_name="Solo Sam", requester_key="name:solo sam")
    html = login(manager).get(_url(org, "insights_dashboard")).content.decode()
    campaigns = html[html.index('id="campaigns"') :]
    assert "Gary Growth" in campaigns and "Solo Sam" not in campaigns
    assert "?requester=name%3Agary%20growth" in campaigns
