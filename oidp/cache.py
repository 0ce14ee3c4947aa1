"""Django's Redis cache backend, with its Redis client kept between calls.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object (with its table of
response callbacks) on every cache call. A page-cache hit makes one call, and building the
client was about half of that call's time. A `redis.Redis` client is safe to share between
threads (each command borrows a connection from the pool), so one client per server is kept.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
