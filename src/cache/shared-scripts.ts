/* The Lua scripts of the shared cache (shared-cache.ts); each runs atomically in Redis. */

/**
 * Redis layout, per site (`<prefix>cache:<site>:`), account UIDs only as keyed hashes:
 *   gen           site generation; bumped by a drop naming no account ("all")
 *   v:<owner>     the account's version; bumped by each drop of it
 *   e:<gen>:<owner>:<v>   hash of the account's entries, field per read, value sealed
 *   recent        sorted set: keyed UIDs by the time of their last drop, trimmed to the window
 * A drop bumps a version, so entries stored under the old one are never read again and expire;
 * a store is refused (atomically) when the versions changed since the read began.
 */
export const READ = `
local g = redis.call('GET', KEYS[1]) or '0'
local v = redis.call('GET', KEYS[2]) or '0'
return { g, v, redis.call('HGETALL', ARGV[1] .. g .. ':' .. ARGV[2] .. ':' .. v) }
`;
export const STORE = `
local g = redis.call('GET', KEYS[1]) or '0'
local v = redis.call('GET', KEYS[2]) or '0'
if g .. ':' .. v ~= ARGV[3] then return 0 end
local k = ARGV[1] .. g .. ':' .. ARGV[2] .. ':' .. v
redis.call('HSET', k, ARGV[4], ARGV[5])
redis.call('PEXPIRE', k, ARGV[6])
return 1
`;
// KEYS: gen, recent, versions...; ARGV: version TTL, recent window, the versions' owners...
export const DROP = `
if #KEYS == 2 then return redis.call('INCR', KEYS[1]) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local v = 0
for i = 3, #KEYS do
  v = redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
  if window > 0 then redis.call('ZADD', KEYS[2], now, ARGV[i]) end
end
if window > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
  redis.call('PEXPIRE', KEYS[2], window + 1000)
end
if #KEYS == 3 then return (redis.call('GET', KEYS[1]) or '0') .. ':' .. v end
return 1
`;
// KEYS: recent; ARGV: window, owners...: the positions (1-based) of owners dropped within it.
export const RECENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i = 2, #ARGV do
  local at = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if at and tonumber(at) > now - tonumber(ARGV[1]) then out[#out + 1] = i - 1 end
end
return out
`;
