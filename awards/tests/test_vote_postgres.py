"""Races on the public vote, on PostgreSQL: exactly one counted vote per address.

SQLite serialises every write, so the race cannot happen there; the test is skipped with the
reason and runs in the PostgreSQL pass of CI (DATABASE_URL=postgres://...).
"""

import threading
import unittest

from django.db import connection, connections
from django.test import Client, TransactionTestCase
from django.urls import reverse

from ..emails import vote_token
from ..factories import CandidatureFactory
from ..models import Candidature, PublicVote
from .base import build_awards, experience

THREADS = 12


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "concurrent vote confirmations need PostgreSQL (SQLite serialises writes): "
    "run with DATABASE_URL=postgres://oidp:oidp@127.0.0.1:5432/oidp_awards",
)
class ConcurrentConfirmationTests(TransactionTestCase):
    serialized_rollback = True

    def setUp(self):
        tree = build_awards(phase="vote")
        self.edition = tree["edition"]
        self.finalist = CandidatureFactory(
            edition=self.edition, experience=experience(tree), state=Candidature.State.FINALIST
        )

    def confirm_all(self, tokens):
        barrier = threading.Barrier(len(tokens))
        statuses = []

        def follow(token):
            try:
                barrier.wait()
                response = Client().get(reverse("awards:vote_confirm", args=[token]))
                statuses.append(response.status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=follow, args=(token,)) for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return statuses

    def test_many_links_of_one_address_confirmed_at_once_count_once(self):
        votes = [
            PublicVote.objects.create(
                edition=self.edition,
                candidature=self.finalist,
                email="same@example.org",
                language="fr",
            )
            for _ in range(THREADS)
        ]
        statuses = self.confirm_all([vote_token(vote) for vote in votes])
        self.assertEqual(len(statuses), THREADS)
        self.assertEqual(statuses.count(200), 1)
        self.assertEqual(statuses.count(409), THREADS - 1)
        self.assertEqual(
            PublicVote.objects.filter(email="same@example.org", confirmed_at__isnull=False).count(),
            1,
        )

    def test_one_link_followed_many_times_at_once_counts_once(self):
        vote = PublicVote.objects.create(
            edition=self.edition, candidature=self.finalist, email="one@example.org", language="fr"
        )
        statuses = self.confirm_all([vote_token(vote)] * THREADS)
        self.assertEqual(len(statuses), THREADS)
        self.assertTrue(all(status == 200 for status in statuses))
        self.assertEqual(PublicVote.objects.filter(confirmed_at__isnull=False).count(), 1)
