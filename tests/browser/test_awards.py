"""A visitor votes for a finalist and confirms through the e-mailed link, in real Chromium."""

import pytest

from awards.factories import CandidatureFactory
from awards.models import Candidature, PublicVote
from awards.tests.base import build_awards, experience, translate_awards

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def edition_in_vote():
    tree = build_awards(phase="vote")
    edition = tree["edition"]
    # The English page: the test reads the interface's msgids, whatever the catalogues say.
    _index, english = translate_awards(tree, "en")
    CandidatureFactory(
        edition=edition, experience=experience(tree), state=Candidature.State.FINALIST
    )
    CandidatureFactory(
        edition=edition,
        experience=experience(tree, title="Conseil des jeunes de Valongo"),
        state=Candidature.State.FINALIST,
    )
    return english


def test_a_voter_votes_and_confirms_through_the_emailed_link(
    browser_page, live_server, edition_in_vote, mailoutbox
):
    browser_page.goto(f"{live_server.url}{edition_in_vote.url}")
    browser_page.get_by_role("link", name="Vote for a finalist").click()
    browser_page.get_by_label("Conseil des jeunes de Valongo").check()
    browser_page.get_by_label("Your e-mail address").fill("Voter@Example.org")
    browser_page.get_by_role("button", name="Send my vote").click()
    browser_page.get_by_role("heading", name="Check your inbox").wait_for()
    assert not PublicVote.objects.filter(confirmed_at__isnull=False).exists()

    assert len(mailoutbox) == 1
    link = next(word for word in mailoutbox[0].body.split() if "/vote/confirm/" in word)
    assert link.startswith(live_server.url)
    browser_page.goto(link)
    assert "your vote counts" in browser_page.locator("h1").inner_text()
    vote = PublicVote.objects.get()
    assert vote.email == "voter@example.org"
    assert vote.confirmed_at is not None
    assert vote.candidature.title == "Conseil des jeunes de Valongo"
