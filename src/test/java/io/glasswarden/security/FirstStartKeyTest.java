package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FirstStartProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartKeyTest {

    @ConfigProperty(name = "glasswarden.data-dir")
    Path dataDir;

    @ConfigProperty(name = "quarkus.log.file.path")
    Path logFile;

    @Inject
    FirstStartKey firstStart;

    @Inject
    ApiKeyRepository keys;

    @Test
    @Order(1)
    void freshInstallationGetsOneAdminKeyInAPrivateFile() throws Exception {
        Path file = dataDir.resolve(FirstStartKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String key = Files.readString(file).trim();
        assertThat(key).matches("gwk_[A-Za-z0-9_-]{43}");

        given().auth()
                .oauth2(key)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo(FirstStartKey.KEY_NAME))
                .body("roles", equalTo(List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR)));
    }

    @Test
    @Order(2)
    void startupLogNamesTheFileButNotTheKey() throws Exception {
        Path file = dataDir.resolve(FirstStartKey.FILE_NAME);
        String key = Files.readString(file).trim();
        String log = Files.readString(logFile);

        assertThat(log).contains(file.toAbsolutePath().toString());
        KeyLoggingTest.assertNoKeyMaterial(log, key);
    }

    @Test
    @Order(3)
    void anotherStartWithAnActiveKeyNeitherCreatesAKeyNorTouchesTheFile() throws Exception {
        Path file = dataDir.resolve(FirstStartKey.FILE_NAME);
        String before = Files.readString(file);

        assertThat(firstStart.createIfNoWayIn()).isEmpty();

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(activeKeys()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void existingFileIsNeverOverwritten() throws Exception {
        Path file = dataDir.resolve(FirstStartKey.FILE_NAME);
        String before = Files.readString(file);
        given().auth().oauth2(before.trim()).delete("/api/v1/api-keys/" + idOfFirstStartKey()).then().statusCode(204);

        assertThat(firstStart.createIfNoWayIn()).isEmpty();

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(activeKeys()).isZero();
    }

    @Test
    @Order(5)
    void twoInstancesStartingAtOnceCreateOneKey() throws Exception {
        Files.delete(dataDir.resolve(FirstStartKey.FILE_NAME));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Optional<Path>> instance = () -> {
            start.await();
            return firstStart.createIfNoWayIn();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Path>> first = pool.submit(instance);
            Future<Optional<Path>> second = pool.submit(instance);
            start.countDown();

            assertThat(List.of(first.get(), second.get())).filteredOn(Optional::isPresent).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(activeKeys()).isEqualTo(1);
        String key = Files.readString(dataDir.resolve(FirstStartKey.FILE_NAME)).trim();
        given().auth().oauth2(key).get("/api/v1/api-keys").then().statusCode(200).body("total", equalTo(2));
    }

    private long activeKeys() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> keys.count("revokedAt is null"));
    }

    private String idOfFirstStartKey() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> keys.find("name", FirstStartKey.KEY_NAME).firstResult().id().toString());
    }
}
