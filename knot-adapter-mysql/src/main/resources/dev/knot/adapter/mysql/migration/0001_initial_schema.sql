-- knot's tables, in the SQL that MySQL 8 and MariaDB 10.11 share.
-- MySQL commits every CREATE TABLE by itself, so a start cut short halfway runs this script again from the top:
-- every statement here must be safe to repeat.
-- Text is utf8mb4 with a binary collation: values come back exactly as written, and case-insensitive
-- uniqueness is spelled out with generated lowercase *_key columns and their UNIQUE indexes.
-- Times are DATETIME(6) in UTC, written and compared by knot (never NOW(), so tests can move the clock).
-- Sets and maps are JSON text in TEXT columns (JSON is only an alias of LONGTEXT on MariaDB).

CREATE TABLE IF NOT EXISTS users (
    user_id CHAR(36) NOT NULL,
    username VARCHAR(64) NOT NULL,
    username_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(username)) STORED,
    email VARCHAR(255) NOT NULL,
    email_key VARCHAR(255) GENERATED ALWAYS AS (LOWER(email)) STORED,
    password_hash TEXT NOT NULL,
    service_password TEXT NOT NULL,
    ssh_public_key MEDIUMTEXT NOT NULL,
    github_username VARCHAR(255) NOT NULL,
    roles TEXT NOT NULL,
    `groups` TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    max_spaces INT NOT NULL,
    max_disk_space INT NOT NULL,
    preferred_shell VARCHAR(8) NOT NULL,
    timezone VARCHAR(128) NOT NULL,
    last_login_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY users_username_unique (username_key),
    UNIQUE KEY users_email_unique (email_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row, locked by createIfNoUsers so that servers racing to make the first admin take turns.
CREATE TABLE IF NOT EXISTS knot_locks (
    name VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO knot_locks (name) VALUES ('first_user');

CREATE TABLE IF NOT EXISTS `groups` (
    group_id CHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    created_user_id CHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_user_id CHAR(36) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS templates (
    template_id CHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description LONGTEXT NOT NULL,
    job LONGTEXT NOT NULL,
    volumes LONGTEXT NOT NULL,
    `groups` TEXT NOT NULL,
    created_user_id CHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_user_id CHAR(36) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- value holds the plain text, or for a protected variable the ciphertext the SecretCipher made.
CREATE TABLE IF NOT EXISTS templatevars (
    templatevar_id CHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    location VARCHAR(64) NOT NULL,
    value LONGTEXT NOT NULL,
    protected BOOLEAN NOT NULL,
    created_user_id CHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_user_id CHAR(36) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (templatevar_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS volumes (
    volume_id CHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    definition LONGTEXT NOT NULL,
    location VARCHAR(64) NOT NULL,
    active BOOLEAN NOT NULL,
    created_user_id CHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_user_id CHAR(36) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (volume_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS spaces (
    space_id CHAR(36) NOT NULL,
    user_id CHAR(36) NOT NULL,
    template_id CHAR(36) NOT NULL,
    agent_url VARCHAR(255) NOT NULL,
    shell VARCHAR(8) NOT NULL,
    location VARCHAR(64) NOT NULL,
    template_hash TEXT NOT NULL,
    nomad_namespace TEXT NOT NULL,
    nomad_job_id TEXT NOT NULL,
    volume_data MEDIUMTEXT NOT NULL,
    volume_sizes MEDIUMTEXT NOT NULL,
    state VARCHAR(16) NOT NULL,
    state_message MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (space_id),
    INDEX spaces_user (user_id),
    INDEX spaces_template (template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every name of a space: ordinal 0 is its name, 1.. its alternative names in order. One UNIQUE index over all
-- of them keeps names and alternative names apart among one user's spaces, case-insensitively.
CREATE TABLE IF NOT EXISTS space_names (
    space_id CHAR(36) NOT NULL,
    ordinal INT NOT NULL,
    user_id CHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    name_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(name)) STORED,
    PRIMARY KEY (space_id, ordinal),
    UNIQUE KEY space_names_name_unique (user_id, name_key),
    CONSTRAINT space_names_space FOREIGN KEY (space_id) REFERENCES spaces (space_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Only the hash of a token's secret is stored, with a short suffix the owner recognises it by.
CREATE TABLE IF NOT EXISTS tokens (
    token_id CHAR(36) NOT NULL,
    secret_hash VARCHAR(128) NOT NULL,
    suffix VARCHAR(8) NOT NULL,
    user_id CHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_id),
    UNIQUE KEY tokens_secret_hash_unique (secret_hash),
    INDEX tokens_user (user_id),
    INDEX tokens_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The cache tables: used when MySQL holds sessions and agent state (no Redis); rows expire at expires_at.
CREATE TABLE IF NOT EXISTS sessions (
    session_id CHAR(36) NOT NULL,
    secret_hash VARCHAR(128) NOT NULL,
    user_id CHAR(36) NOT NULL,
    ip VARCHAR(255) NOT NULL,
    user_agent VARCHAR(1024) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (session_id),
    UNIQUE KEY sessions_secret_hash_unique (secret_hash),
    INDEX sessions_user (user_id),
    INDEX sessions_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS agentstate (
    space_id CHAR(36) NOT NULL,
    agent_version VARCHAR(32) NOT NULL,
    access_token_hash VARCHAR(128) NOT NULL,
    address VARCHAR(255) NOT NULL,
    has_code_server BOOLEAN NOT NULL,
    ssh_port INT NOT NULL,
    vnc_http_port INT NOT NULL,
    has_terminal BOOLEAN NOT NULL,
    tcp_ports MEDIUMTEXT NOT NULL,
    http_ports MEDIUMTEXT NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (space_id),
    INDEX agentstate_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
