package io.keywarden.server.compat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Console passwords through the real AWS SDK for Java v2: login profiles, the password policy and the alias. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamPasswordsCompatibilityTest extends AwsSdkTestSupport {
    private IamClient iam;

    @BeforeAll
    void setUp() {
        iam = rootIam();
        iam.createUser(b -> b.userName("console-sdk"));
    }

    @Test
    void loginProfilesThroughTheSdk() {
        LoginProfile created = iam.createLoginProfile(b -> b.userName("console-sdk").password("Sdk-Password-1")
                .passwordResetRequired(true)).loginProfile();
        assertThat(created.userName()).isEqualTo("console-sdk");
        assertThat(created.passwordResetRequired()).isTrue();
        assertThat(created.createDate()).isNotNull();
        iam.updateLoginProfile(b -> b.userName("console-sdk").passwordResetRequired(false));
        assertThat(iam.getLoginProfile(b -> b.userName("console-sdk")).loginProfile().passwordResetRequired())
                .isFalse();
        iam.deleteLoginProfile(b -> b.userName("console-sdk"));
        assertThatThrownBy(() -> iam.getLoginProfile(b -> b.userName("console-sdk")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Login Profile for User console-sdk cannot be found.");
    }

    @Test
    void thePasswordPolicyAndItsViolationThroughTheSdk() {
        iam.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(14).requireSymbols(true).maxPasswordAge(60)
                .passwordReusePrevention(5).allowUsersToChangePassword(true));
        GetAccountPasswordPolicyResponse got = iam.getAccountPasswordPolicy();
        assertThat(got.passwordPolicy().minimumPasswordLength()).isEqualTo(14);
        assertThat(got.passwordPolicy().requireSymbols()).isTrue();
        assertThat(got.passwordPolicy().expirePasswords()).isTrue();
        assertThat(got.passwordPolicy().maxPasswordAge()).isEqualTo(60);
        assertThat(got.passwordPolicy().passwordReusePrevention()).isEqualTo(5);
        assertThatThrownBy(() -> iam.createLoginProfile(b -> b.userName("console-sdk").password("short")))
                .isInstanceOf(PasswordPolicyViolationException.class);
        iam.deleteAccountPasswordPolicy();
        assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void theAccountAliasThroughTheSdk() {
        iam.createAccountAlias(b -> b.accountAlias("sdk-corp"));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("sdk-corp");
        iam.deleteAccountAlias(b -> b.accountAlias("sdk-corp"));
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
    }
}
