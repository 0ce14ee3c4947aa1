from unittest import mock

from django.test import TestCase

import redis

from home import page_cache
from home.factories import StandardPageFactory, build_multilingual_site


class GenerationMemoTests(TestCase):
    """Values derived from content are kept per process until the next content change."""

    def setUp(self):
        page_cache.forget_memos()
        self.calls = 0

    def compute(self):
        self.calls += 1
        return self.calls

    def test_computed_once_per_generation(self):
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 1)
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 1)
        page_cache.invalidate()
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 2)
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 2)

    def test_publishing_a_page_is_a_new_generation(self):
        homes = build_multilingual_site()
        page_cache.generation_memo("answer", self.compute)
        page = StandardPageFactory(parent=homes["fr"], title="Nouvelle")
        page.save_revision().publish()
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 2)

    def test_a_value_read_before_the_commit_is_not_kept_after_it(self):
        with self.captureOnCommitCallbacks(execute=True):
            page_cache.invalidate()
            # Another request reads the rows not yet committed, under the new generation.
            self.assertEqual(page_cache.generation_memo("answer", self.compute), 1)
        self.assertEqual(page_cache.generation_memo("answer", self.compute), 2)

    def test_without_a_reachable_cache_it_is_computed_each_time(self):
        broken = mock.Mock()
        broken.get.side_effect = redis.ConnectionError("down")
        broken.get_many.side_effect = redis.ConnectionError("down")
        with mock.patch.object(page_cache, "cache", broken), self.assertLogs("oidp.page_cache"):
            self.assertEqual(page_cache.generation_memo("answer", self.compute), 1)
            self.assertEqual(page_cache.generation_memo("answer", self.compute), 2)

    def test_only_the_latest_generation_is_kept(self):
        for _ in range(5):
            page_cache.generation_memo("answer", self.compute)
            page_cache.invalidate()
        self.assertEqual(len(page_cache._memos), 1)
