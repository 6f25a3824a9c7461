package io.keywarden.server.sdk;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.model.ConsoleSession;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.PasswordPolicy;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's console sign-in and sign-out, password policy and account alias calls against a real server: a password
 * sign-in (unsigned) through the account's alias, one with the client's own key, sign-out revoking the session, the
 * policy refusing a weak password, and the password never in a {@code toString}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkConsoleAndPasswordsTest extends ServerTestSupport {
    private static final String PASSWORD = "Sdk-Console-Pass-1";
    private final List<KeywardenClient> clients = new ArrayList<>();

    private KeywardenClient client(StaticCredentialsProvider credentials) {
        KeywardenClient c = KeywardenClient.builder().endpoint(baseUri()).credentialsProvider(credentials)
                .maxRetries(0).build();
        clients.add(c);
        return c;
    }

    private KeywardenClient rootClient() {
        return client(StaticCredentialsProvider.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET));
    }

    /** A client whose credentials nobody has: a password sign-in must not need them. */
    private KeywardenClient nobody() {
        return client(StaticCredentialsProvider.create("AKIAQYLPMN5HNOBODY00", "x".repeat(40)));
    }

    @AfterAll
    void close() {
        clients.forEach(KeywardenClient::close);
    }

    @Test
    void passwordPolicyAliasesAndAConsoleSessionThroughTheSdk() {
        KeywardenClient root = rootClient();
        PasswordPolicy policy = PasswordPolicy.builder().minimumPasswordLength(12).requireNumbers(true)
                .requireUppercaseCharacters(true).allowUsersToChangePassword(true).maxPasswordAge(90)
                .passwordReusePrevention(3).build();
        root.updateAccountPasswordPolicy(policy);
        assertThat(root.getAccountPasswordPolicy()).isEqualTo(policy);
        assertThat(root.getAccountPasswordPolicy().expirePasswords()).isTrue();

        root.createAccountAlias("sdk-console-corp");
        assertThat(root.listAccountAliases().items()).containsExactly("sdk-console-corp");

        root.createUser("sdk-carol", "/");
        assertThatThrownBy(() -> root.createLoginProfile("sdk-carol", "short1A".toCharArray(), false))
                .isInstanceOfSatisfying(KeywardenServiceException.class,
                        e -> assertThat(e.code()).isEqualTo("PasswordPolicyViolation"));
        root.createLoginProfile("sdk-carol", PASSWORD.toCharArray(), false);
        root.putUserPolicy("sdk-carol", "all", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");

        char[] password = PASSWORD.toCharArray();
        ConsoleSession session = nobody().consoleSignIn("sdk-console-corp", "sdk-carol", password);
        assertThat(password).as("cleared once sent").containsOnly('\0');
        assertThat(session.userName()).isEqualTo("sdk-carol");
        assertThat(session.principalType()).isEqualTo("IAMUser");
        assertThat(session.arn()).endsWith(":user/sdk-carol");
        assertThat(session.passwordResetRequired()).isFalse();
        assertThat(session.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(Duration.between(Instant.now(), session.credentials().expiration()))
                .isBetween(Duration.ofHours(11), Duration.ofHours(12));
        assertThat(session.toString()).doesNotContain(session.credentials().secretAccessKey())
                .doesNotContain(session.credentials().sessionToken()).doesNotContain(PASSWORD);

        KeywardenClient console = client(StaticCredentialsProvider.create(session.credentials().toSigningCredentials()));
        assertThat(console.callerIdentity().arn()).isEqualTo(session.arn());
        assertThat(console.listUsers().items()).as("a console session may call IAM").isNotEmpty();
        console.consoleSignOut();
        assertThatThrownBy(console::callerIdentity).isInstanceOf(InvalidClientTokenIdException.class);

        assertThatThrownBy(() -> nobody().consoleSignIn("sdk-console-corp", "sdk-carol", "Wrong-Pass-1234".toCharArray()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.errorMessage())
                        .isEqualTo("Your authentication information is incorrect. Please try again."));

        root.deleteLoginProfile("sdk-carol");
        root.deleteAccountPasswordPolicy();
        assertThatThrownBy(root::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
        root.deleteAccountAlias("sdk-console-corp");
        assertThat(root.listAccountAliases().items()).isEmpty();
    }

    @Test
    void theClientsOwnKeySignsInAndOnlyAConsoleSessionSignsOut() {
        KeywardenClient root = rootClient();
        ConsoleSession asRoot = root.consoleSignIn();
        assertThat(asRoot.principalType()).isEqualTo("Root");
        assertThat(asRoot.userName()).isNull();
        assertThat(Duration.between(Instant.now(), asRoot.credentials().expiration()))
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));

        root.createUser("sdk-dave", "/");
        CreatedAccessKey key = root.createAccessKey("sdk-dave");
        KeywardenClient dave = client(StaticCredentialsProvider.create(key.accessKeyId(), key.secretAccessKey()));
        ConsoleSession session = dave.consoleSignIn();
        assertThat(session.userName()).isEqualTo("sdk-dave");
        assertThatThrownBy(dave::consoleSignOut).as("a long-term key is no console session")
                .isInstanceOf(AccessDeniedException.class);
        KeywardenClient console = client(StaticCredentialsProvider.create(session.credentials().toSigningCredentials()));
        assertThatThrownBy(console::consoleSignIn).as("a session cannot sign in again")
                .isInstanceOf(AccessDeniedException.class);
        console.consoleSignOut();
        assertThatThrownBy(console::callerIdentity).isInstanceOf(InvalidClientTokenIdException.class);
    }
}
