"""The review queue: order, keyset pages, filters, rows, htmx, and who may see and decide."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from invitations.models import Decision, Status
from review import views
from review.cursor import cursor_decode, cursor_encode
from review.decisions import decision_record
from review.selectors import queue_page
from tests.invitations.fixtures import days_ago, make_invitation

pytestmark = pytest.mark.django_db


def _queue_url(org, **params):
    from urllib.parse import urlencode

    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    return url + ("?" + urlencode(params) if params else "")


def _names(response):
    return [row.requester_name for row in response.context["rows"]]


def test_the_queue_lists_invitations_riskiest_first_then_oldest_first(org, member, reviewer, login):
    make_invitation(org, member, risk=2.0, requester_name="Low")
    make_invitation(org, member, risk=9.0, requester_name="High, submitted first")
    make_invitation(org, member, risk=5.0, requester_name="Middle")
    make_invitation(org, member, risk=9.0, requester_name="High, submitted later")
    response = login(reviewer).get(_queue_url(org))
    assert response.status_code == 200
    assert _names(response) == ["High, submitted first", "High, submitted later", "Middle", "Low"]


def test_only_invitations_awaiting_a_decision_are_in_the_queue(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Waiting")
    make_invitation(org, member, requester_name="Still evaluating", status=Status.EVALUATING)
    decided = make_invitation(org, member, requester_name="Decided already")
    decision_record(invitation=decided, action="report_spam", actor=reviewer)
    assert _names(login(reviewer).get(_queue_url(org))) == ["Waiting"]


def test_another_organisations_invitations_never_show(org, other_org, member, reviewer, login):
    make_invitation(org, member, requester_name="Ours")
    make_invitation(other_org, None, requester_name="Theirs")
    assert _names(login(reviewer).get(_queue_url(org))) == ["Ours"]


def test_following_the_cursor_visits_every_row_once_in_order_even_with_equal_risks(org, member):
    made = [make_invitation(org, member, risk=float(i % 3)) for i in range(23)]
    expected = [i.pk for i in sorted(made, key=lambda i: (-i.risk, i.pk))]
    seen, after, pages = [], None, 0
    while True:
        rows, cursor = queue_page(org=org, after=after, size=4)
        seen += [r.pk for r in rows]
        pages += 1
        if cursor is None:
            break
        after = cursor_decode(cursor)
    assert seen == expected
    assert pages == 6


def test_the_pages_over_http_have_no_duplicates_or_gaps(org, member, reviewer, login, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    made = [make_invitation(org, member, risk=float(i % 2) + 0.5) for i in range(10)]
    client = login(reviewer)
    url, seen = _queue_url(org, recommendation="report_spam"), []
    while url:
        response = client.get(url)
        seen += [row.pk for row in response.context["rows"]]
        cursor = response.context["next_cursor"]
        url = _queue_url(org, recommendation="report_spam", after=cursor) if cursor else None
        if cursor:
            assert f"after={cursor}" in response.content.decode()
            assert "recommendation=report_spam" in response.content.decode()
    assert seen == [i.pk for i in sorted(made, key=lambda i: (-i.risk, i.pk))]


def test_the_cursor_is_opaque_and_a_broken_one_shows_the_first_page(org, member, reviewer, login):
    cursor = cursor_encode(3.25, 42)
    assert "3.25" not in cursor and ":" not in cursor
    assert cursor_decode(cursor) == (3.25, 42)
    for junk in ("nonsense", "bmFuOjE", cursor_encode(1.0, 1)[:-2] + "!!", "x" * 500):
        assert cursor_decode(junk) is None or junk == "bmFuOjE"
    assert cursor_decode("bmFuOjE") is None  # "nan:1"
    make_invitation(org, member, requester_name="Only")
    response = login(reviewer).get(_queue_url(org, after="%%%garbage"))
    assert response.status_code == 200
    assert _names(response) == ["Only"]


def test_no_page_of_the_queue_uses_offset(org, member, reviewer, login, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i in range(5):
        make_invitation(org, member, risk=float(i))
    client = login(reviewer)
    with CaptureQueriesContext(connection) as queries:
        first = client.get(_queue_url(org))
        client.get(_queue_url(org, after=first.context["next_cursor"]))
    assert not [q for q in queries.captured_queries if "OFFSET" in q["sql"].upper()]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"recommendation": "dont_know"}, {"Unknown Ulla"}),
        ({"reason": "spam"}, {"Spammy Sam", "Spammy Sue"}),
        ({"channel": "api"}, {"Spammy Sue"}),
        ({"requester": "spammy"}, {"Spammy Sam", "Spammy Sue"}),
        ({"requester": "name:spammy sue"}, {"Spammy Sue"}),
        ({"q": "acme bank"}, {"Unknown Ulla"}),
        ({"q": "crypto"}, {"Spammy Sam"}),
        ({"q": "ULLA"}, {"Unknown Ulla"}),
        ({"recommendation": "report_spam", "reason": "spam", "channel": "form"}, {"Spammy Sam"}),
    ],
)
def test_the_filters_narrow_the_queue(params, expected, org, member, reviewer, login):
    make_invitation(
        org,
        member,
        requester_name="Spammy Sam",
        requester_headline="Crypto coach",
        requester_key="name:spammy sam",
    )
    make_invitation(
        org, member, requester_name="Spammy Sue", channel="api", requester_key="name:spammy sue"
    )
    make_invitation(
        org,
        member,
        recommendation="dont_know",
        requester_name="Unknown Ulla",
        requester_company="ACME Bank",
    )
    response = login(reviewer).get(_queue_url(org, **params))
    assert set(_names(response)) == expected


def test_the_submitter_and_date_filters_narrow_the_queue(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Mine old", created_at=days_ago(10))
    make_invitation(org, reviewer, requester_name="Reviewer's new")
    client = login(reviewer)
    assert _names(client.get(_queue_url(org, submitter=reviewer.pk))) == ["Reviewer's new"]
    since = days_ago(2).date().isoformat()
    until = days_ago(5).date().isoformat()
    assert _names(client.get(_queue_url(org, date_from=since))) == ["Reviewer's new"]
    assert _names(client.get(_queue_url(org, date_to=until))) == ["Mine old"]


def test_filtering_with_htmx_returns_only_the_table(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Spammy Sam")
    response = login(reviewer).get(_queue_url(org, q="sam"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="queue-table">')
    assert "<html" not in html and "Spammy Sam" in html


def test_each_row_shows_requester_badge_age_and_its_first_two_reasons(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Sam", requester_headline="Crypto coach")
    html = login(reviewer).get(_queue_url(org)).content.decode()
    assert "Sam" in html and "Crypto coach" in html
    assert 'class="badge report_spam"' in html
    assert "The note sells something." in html and "The note contains links." in html
    assert "No profile photo." not in html  # only the first two hits
    assert "<time datetime=" in html


def test_the_reasons_of_a_page_cost_one_query_however_many_rows(org, member, reviewer, login):
    client = login(reviewer)
    make_invitation(org, member)
    client.get(_queue_url(org))
    with CaptureQueriesContext(connection) as few:
        client.get(_queue_url(org))
    for _ in range(15):
        make_invitation(org, member)
    with CaptureQueriesContext(connection) as many:
        client.get(_queue_url(org))
    assert len(many.captured_queries) == len(few.captured_queries)
    evaluation_queries = [
        q for q in many.captured_queries if 'FROM "invitations_evaluation"' in q["sql"]
    ]
    assert len(evaluation_queries) == 1


def test_the_queue_page_carries_the_keyboard_script_and_the_confirmation_dialog(
    org, member, reviewer, login
):
    make_invitation(org, member)
    html = login(reviewer).get(_queue_url(org)).content.decode()
    assert "js/review" in html and 'id="decide-dialog"' in html
    assert "<script>" not in html  # no inline script: the CSP forbids it
    assert 'hx-trigger="vouch:decide"' in html and "data-select-all" in html


def test_deciding_a_row_with_htmx_replaces_the_row(org, member, reviewer, login):
    invitation = make_invitation(org, member, requester_name="Sam")
    url = reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    response = login(reviewer).post(
        url, {"action": "report_spam", "from": "queue"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<li id="row-{invitation.pk}"')
    assert "decide-row" not in html and "✔" in html
    invitation.refresh_from_db()
    assert invitation.status == Status.DECIDED and invitation.decision == "report_spam"


def test_a_row_decision_against_the_recommendation_without_justification_shows_the_error(
    org, member, reviewer, login
):
    invitation = make_invitation(org, member)
    url = reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    client = login(reviewer)
    response = client.post(url, {"action": "accept", "from": "queue"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "justification" in response.content.decode()
    assert not Decision.objects.exists()
    response = client.post(
        url,
        {"action": "accept", "from": "queue", "justification": "Met at a conference"},
        HTTP_HX_REQUEST="true",
    )
    invitation.refresh_from_db()
    assert invitation.decision == "accept"


def test_deciding_on_the_detail_page_redirects_back_and_errors_rerender_the_page(
    org, member, reviewer, login
):
    invitation = make_invitation(org, member)
    url = reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    client = login(reviewer)
    response = client.post(url, {"action": "ignore"})
    assert response.status_code == 400
    assert "write a justification" in response.content.decode()
    response = client.post(url, {"action": "report_spam"})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk}
    )


def test_bulk_deciding_every_spam_of_one_requester(org, member, reviewer, login):
    spam = [
        make_invitation(org, member, requester_name="Sam", requester_key="name:sam")
        for _ in range(3)
    ]
    other = make_invitation(org, member, requester_name="Sue")
    client = login(reviewer)
    page = client.get(_queue_url(org, requester="name:sam", recommendation="report_spam"))
    ids = [row.pk for row in page.context["rows"]]
    assert sorted(ids) == sorted(i.pk for i in spam)
    response = client.post(
        reverse("review_bulk", kwargs={"org_slug": org.slug}),
        {"ids": ids, "action": "report_spam", "back": "requester=name%3Asam"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?requester=name%3Asam")
    assert Decision.objects.count() == 3
    other.refresh_from_db()
    assert other.status == Status.EVALUATED


def test_a_refused_bulk_decision_records_nothing_and_says_why(org, member, reviewer, login):
    a = make_invitation(org, member)
    b = make_invitation(org, member, recommendation="dont_know")
    client = login(reviewer)
    response = client.post(
        reverse("review_bulk", kwargs={"org_slug": org.slug}),
        {"ids": [a.pk, b.pk], "action": "report_spam"},
        follow=True,
    )
    assert "justification" in response.content.decode()
    assert not Decision.objects.exists()


# --- the reviewer's detail page ---------------------------------------------------------


def test_the_detail_page_shows_facts_hits_policy_version_form_history_and_related(
    org, other_org, member, reviewer, login
):
    invitation = make_invitation(
        org,
        member,
        requester_name="Sam Spammer",
        requester_key="name:sam spammer",
        attachments=[{"name": "offer.pdf", "size": 2048, "content_type": "", "sha256": "ab" * 32}],
        links=["https://bit.ly/x"],
    )
    sibling = make_invitation(
        org, reviewer, requester_name="Sam S.", requester_key="name:sam spammer"
    )
    make_invitation(
        other_org, None, requester_name="Sam elsewhere", requester_key="name:sam spammer"
    )
    first = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    second = decision_record(
        invitation=invitation,
        action="ignore",
        actor=reviewer,
        justification="Not spam",
        reverses=first,
    )
    url = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    response = login(reviewer).get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "offer.pdf" in html and "2.0 KB" in html and "ab" * 32 in html
    assert "bit[.]ly" in html
    assert "The note sells something." in html and "No profile photo." in html
    assert "Policy version 1" in html
    assert (
        'name="justification"' in html and f'value="{second.pk}"' in html
    )  # reverses the one in force
    assert "Reverses" in html and "reversed" in html and "Not spam" in html
    related = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": sibling.pk})
    assert f'href="{related}"' in html
    assert "Sam elsewhere" not in html


def test_a_detail_page_of_another_organisation_is_a_404(org, other_org, reviewer, login):
    theirs = make_invitation(other_org, None)
    url = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": theirs.pk})
    assert login(reviewer).get(url).status_code == 404


XSS = {
    "requester_name": '<script>alert("n")</script>Eve',
    "requester_headline": '<img src=x onerror=alert("h")>',
    "requester_company": '"><svg onload=alert("c")>',
    "message": 'Hi <script>alert("m")</script> <a href="javascript:alert(1)">click</a> '
    "javascript:alert(2) https://evil.example/login",
}


def test_untrusted_fields_come_out_escaped_and_no_link_is_made_from_a_note(
    org, member, reviewer, compliance, login
):
    invitation = make_invitation(org, member, **XSS)
    make_invitation(org, member, **{**XSS, "requester_key": invitation.requester_key})
    decision_record(
        invitation=invitation,
        action="accept",
        actor=reviewer,
        justification='<script>alert("j")</script> see https://evil.example',
    )
    pages = [
        login(reviewer).get(_queue_url(org)),
        login(compliance).get(_queue_url(org)),
        login(reviewer).get(_queue_url(org, q="<script>")),
        login(reviewer).get(
            reverse("review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
        ),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "<svg onload" not in html
        assert 'href="javascript:' not in html.lower()
        assert "evil.example" not in html or "evil[.]example" in html
        for anchor in html.split("<a ")[1:]:
            assert "evil" not in anchor.split(">")[0]
            assert "javascript" not in anchor.split(">")[0].lower()
    assert "&lt;script&gt;" in pages[3].content.decode()


# --- roles ------------------------------------------------------------------------------


def test_a_member_may_not_open_the_queue_or_a_review_page(org, member, login):
    invitation = make_invitation(org, member)
    client = login(member)
    assert client.get(_queue_url(org)).status_code == 403
    url = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    assert client.get(url).status_code == 403
    decide = reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    assert client.post(decide, {"action": "report_spam"}).status_code == 403


def test_compliance_sees_the_queue_and_details_without_any_decide_control(
    org, member, compliance, login
):
    invitation = make_invitation(org, member, requester_name="Sam")
    client = login(compliance)
    queue = client.get(_queue_url(org)).content.decode()
    assert "Sam" in queue
    assert "decide-row" not in queue and "bulk-form" not in queue and "decide-dialog" not in queue
    detail = client.get(
        reverse("review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    ).content.decode()
    assert "The note sells something." in detail and 'name="justification"' not in detail


def test_compliance_gets_403_when_posting_a_decision_or_a_bulk_decision(
    org, member, compliance, login
):
    invitation = make_invitation(org, member)
    client = login(compliance)
    decide = reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    assert client.post(decide, {"action": "report_spam"}).status_code == 403
    bulk = reverse("review_bulk", kwargs={"org_slug": org.slug})
    assert client.post(bulk, {"ids": [invitation.pk], "action": "report_spam"}).status_code == 403
    assert not Decision.objects.exists()


def test_the_outsider_gets_404_on_every_review_url(org, member, outsider, login):
    invitation = make_invitation(org, member)
    client = login(outsider)
    urls = [
        _queue_url(org),
        reverse("review_bulk", kwargs={"org_slug": org.slug}),
        reverse("review_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk}),
        reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk}),
        reverse("notification_templates", kwargs={"org_slug": org.slug}),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        response = client.post(url, {"ids": [invitation.pk], "action": "report_spam"})
        assert response.status_code == 404, url
    assert not Decision.objects.exists()


# --- the notification wording page ------------------------------------------------------


def test_a_manager_edits_the_wording_and_unknown_placeholders_are_refused(org, manager, login):
    from invitations.models import NotificationTemplate

    url = reverse("notification_templates", kwargs={"org_slug": org.slug})
    client = login(manager)
    page = client.get(url + "?language=de")
    assert page.status_code == 200 and "{button}" in page.content.decode()
    bad = client.post(
        url,
        {
            "action": "accept",
            "language": "de",
            "accept-subject": "Hi {name}",
            "accept-body": "{button}",
        },
    )
    assert bad.status_code == 400 and "{name}" in bad.content.decode()
    good = client.post(
        url,
        {
            "action": "accept",
            "language": "de",
            "accept-subject": "Annehmen: {requester_name}",
            "accept-body": "{button} {link}",
        },
    )
    assert good.status_code == 302
    stored = NotificationTemplate.objects.get(organisation=org, action="accept", language="de")
    assert stored.subject == "Annehmen: {requester_name}"
    client.post(url, {"action": "accept", "language": "de", "reset": "1"})
    assert not NotificationTemplate.objects.exists()


def test_only_managers_open_the_wording_page(org, reviewer, compliance, login):
    url = reverse("notification_templates", kwargs={"org_slug": org.slug})
    assert login(reviewer).get(url).status_code == 403
    assert login(compliance).get(url).status_code == 403
