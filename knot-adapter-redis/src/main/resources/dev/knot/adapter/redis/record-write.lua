-- Writes (or deletes) one record together with its index entries, in one atomic step, after checking that
-- nothing the caller's decision rested on has changed. RecordWrite documents the layout of KEYS and ARGV and
-- the meaning of the result.
local expected = ARGV[1]
local value = ARGV[2]
local ttl = tonumber(ARGV[3])
local id = ARGV[4]
local claims = tonumber(ARGV[5])
local releases = tonumber(ARGV[6])
local additions = tonumber(ARGV[7])
local removals = tonumber(ARGV[8])
local empties = tonumber(ARGV[9])

local claimsFrom = 2
local releasesFrom = claimsFrom + claims
local additionsFrom = releasesFrom + releases
local removalsFrom = additionsFrom + additions
local emptiesFrom = removalsFrom + removals

-- Check everything before writing anything: a refused write leaves no trace.
local current = redis.call('GET', KEYS[1])
if expected == '-' then
    if current then
        return -1
    end
elseif expected ~= '*' then
    if (not current) or redis.sha1hex(current) ~= expected then
        return -2
    end
end
for i = emptiesFrom, emptiesFrom + empties - 1 do
    if redis.call('SCARD', KEYS[i]) > 0 then
        return -3
    end
end
for i = claimsFrom, claimsFrom + claims - 1 do
    local owner = redis.call('GET', KEYS[i])
    if owner and owner ~= id then
        return -(100 + i - claimsFrom)
    end
end

for i = releasesFrom, releasesFrom + releases - 1 do
    if redis.call('GET', KEYS[i]) == id then
        redis.call('DEL', KEYS[i])
    end
end
for i = claimsFrom, claimsFrom + claims - 1 do
    if ttl > 0 then
        redis.call('SET', KEYS[i], id, 'PX', ttl)
    else
        redis.call('SET', KEYS[i], id)
    end
end
for i = removalsFrom, removalsFrom + removals - 1 do
    redis.call('SREM', KEYS[i], id)
end
for i = additionsFrom, additionsFrom + additions - 1 do
    redis.call('SADD', KEYS[i], id)
    -- A set of expiring members lives as long as its longest-lived member (PTTL is -1 for a new set).
    if ttl > 0 and redis.call('PTTL', KEYS[i]) < ttl then
        redis.call('PEXPIRE', KEYS[i], ttl)
    end
end
if value == '' then
    redis.call('DEL', KEYS[1])
elseif ttl > 0 then
    redis.call('SET', KEYS[1], value, 'PX', ttl)
else
    redis.call('SET', KEYS[1], value)
end
if current then
    return 1
end
return 0
