-- Marks a nonce used unless it already is, in one step, so that of racing servers exactly one succeeds.
-- KEYS[1]: the nonce's key. ARGV[1]: now and ARGV[2]: the nonce's expiry, both in ms since the epoch by knot's
-- clock, which alone decides whether a held nonce is still live; ARGV[3]: Redis's own time to live in ms, which
-- only cleans up afterwards (NativeExpiry). Returns 1 when marked, 0 when the nonce was held and live.
local held = redis.call('GET', KEYS[1])
if held and tonumber(held) > tonumber(ARGV[1]) then
    return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
