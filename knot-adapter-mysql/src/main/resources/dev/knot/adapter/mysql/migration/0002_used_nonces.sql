-- The nonces of one-time codes already redeemed, until the code expires (MysqlUsedNonceStore), so that a code is
-- redeemed once across every server sharing this database. Safe to repeat, as every migration must be.
CREATE TABLE IF NOT EXISTS used_nonces (
    nonce VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (nonce),
    INDEX used_nonces_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
