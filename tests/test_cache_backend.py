import os
import unittest

from django.test import SimpleTestCase

from oidp.cache import RedisCache


class RedisClientReuseTests(SimpleTestCase):
    """The project's Redis cache backend keeps one client per server instead of one per call."""

    def test_the_same_client_serves_every_call(self):
        backend = RedisCache("redis://127.0.0.1:6379/15", {})
        client = backend._cache.get_client("a")
        self.assertIs(backend._cache.get_client("b"), client)
        self.assertIs(backend._cache.get_client("c", write=True), client)

    def test_reads_may_go_to_a_replica_and_writes_to_the_first_server(self):
        backend = RedisCache("redis://127.0.0.1:6379/15,redis://127.0.0.1:6380/15", {})
        writer = backend._cache.get_client(write=True)
        reader = backend._cache.get_client()
        self.assertIsNot(reader, writer)
        self.assertEqual(reader.connection_pool.connection_kwargs["port"], 6380)
        self.assertIs(backend._cache.get_client(), reader)

    @unittest.skipUnless(os.environ.get("REDIS_URL"), "needs a Redis server (REDIS_URL)")
    def test_values_round_trip_through_redis(self):
        backend = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "oidp-cache-test"})
        backend.delete_many(["answer", "answer-count"])
        self.addCleanup(backend.delete_many, ["answer", "answer-count"])
        backend.set("answer", {"value": 42}, 30)
        self.assertEqual(backend.get("answer"), {"value": 42})
        self.assertEqual(backend.get_many(["answer", "missing"]), {"answer": {"value": 42}})
        self.assertTrue(backend.add("answer-count", 1))
        self.assertEqual(backend.incr("answer-count"), 2)
