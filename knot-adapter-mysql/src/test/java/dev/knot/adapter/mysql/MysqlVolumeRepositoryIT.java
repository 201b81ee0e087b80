package dev.knot.adapter.mysql;

import dev.knot.ports.out.VolumeRepository;
import dev.knot.testkit.contract.VolumeRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlVolumeRepositoryIT extends VolumeRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected VolumeRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlVolumeRepository(DATABASE.database());
    }
}
