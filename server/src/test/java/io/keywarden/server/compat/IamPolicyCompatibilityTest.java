package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IAM policy actions through the real AWS SDK for Java v2, and the IAM User Guide's self-service policy doing
 * what it says. The policy actions are in the catalogue like every other operation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class IamPolicyCompatibilityTest extends AwsSdkTestSupport {
    static final String MANAGE_OWN_ACCESS_KEYS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
            + "\"ManageOwnAccessKeys\",\"Effect\":\"Allow\",\"Action\":[\"iam:CreateAccessKey\",\"iam:DeleteAccessKey\","
            + "\"iam:GetAccessKeyLastUsed\",\"iam:GetUser\",\"iam:ListAccessKeys\",\"iam:UpdateAccessKey\"],"
            + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";

    private IamClient iam;
    private String account;

    @BeforeAll
    void clients() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
    }

    @Test
    void inlinePolicyLifecycle() {
        iam.createUser(b -> b.userName("pol-inline"));
        iam.putUserPolicy(b -> b.userName("pol-inline").policyName("ManageOwnAccessKeys")
                .policyDocument(MANAGE_OWN_ACCESS_KEYS));

        GetUserPolicyResponse got = iam.getUserPolicy(b -> b.userName("pol-inline").policyName("ManageOwnAccessKeys"));
        assertThat(got.userName()).isEqualTo("pol-inline");
        assertThat(got.policyName()).isEqualTo("ManageOwnAccessKeys");
        // AWS sends the document URL-encoded and the Java SDK hands it over as sent
        assertThat(got.policyDocument()).startsWith("%7B%22Version%22");
        assertThat(URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(MANAGE_OWN_ACCESS_KEYS);
        assertThat(iam.listUserPolicies(b -> b.userName("pol-inline")).policyNames())
                .containsExactly("ManageOwnAccessKeys");

        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName("pol-inline")))
                .isInstanceOf(DeleteConflictException.class);
        iam.deleteUserPolicy(b -> b.userName("pol-inline").policyName("ManageOwnAccessKeys"));
        assertThat(iam.listUserPolicies(b -> b.userName("pol-inline")).policyNames()).isEmpty();
        assertThatThrownBy(() -> iam.getUserPolicy(b -> b.userName("pol-inline").policyName("ManageOwnAccessKeys")))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteUser(b -> b.userName("pol-inline"));
    }

    @Test
    void malformedDocumentsAreRefused() {
        iam.createUser(b -> b.userName("pol-bad"));
        assertThatThrownBy(() -> iam.putUserPolicy(b -> b.userName("pol-bad").policyName("Bad")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":")))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("Bad").policyDocument("not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> iam.putUserPolicy(b -> b.userName("pol-nobody").policyName("P")
                .policyDocument(MANAGE_OWN_ACCESS_KEYS))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void managedPolicyLifecycle() {
        iam.createUser(b -> b.userName("pol-managed"));
        Policy created = iam.createPolicy(b -> b.policyName("SelfService").path("/kw/")
                .policyDocument(MANAGE_OWN_ACCESS_KEYS).description("rotate your own keys")).policy();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":policy/kw/SelfService");
        assertThat(created.policyId()).startsWith("ANPA");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(created.createDate()).isNotNull();

        assertThat(iam.getPolicy(b -> b.policyArn(created.arn())).policy().policyName()).isEqualTo("SelfService");
        assertThat(URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(created.arn()).versionId("v1"))
                .policyVersion().document(), StandardCharsets.UTF_8)).isEqualTo(MANAGE_OWN_ACCESS_KEYS);
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL)).policies()).extracting(Policy::arn)
                .contains(created.arn());

        iam.attachUserPolicy(b -> b.userName("pol-managed").policyArn(created.arn()));
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("pol-managed")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(created.arn());
        assertThat(iam.getPolicy(b -> b.policyArn(created.arn())).policy().attachmentCount()).isEqualTo(1);
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(created.arn())))
                .isInstanceOf(DeleteConflictException.class);

        iam.detachUserPolicy(b -> b.userName("pol-managed").policyArn(created.arn()));
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("pol-managed")).attachedPolicies()).isEmpty();
        assertThatThrownBy(() -> iam.detachUserPolicy(b -> b.userName("pol-managed").policyArn(created.arn())))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deletePolicy(b -> b.policyArn(created.arn()));
        assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(created.arn()))).isInstanceOf(NoSuchEntityException.class);
    }

    /** The seed's self-service policy: a user rotates their own keys with the AWS SDK, and nobody else's. */
    @Test
    void manageOwnAccessKeysAllowsTheUsersOwnKeysOnly() {
        iam.createUser(b -> b.userName("pol-alice"));
        iam.createUser(b -> b.userName("pol-bob"));
        iam.putUserPolicy(b -> b.userName("pol-alice").policyName("ManageOwnAccessKeys")
                .policyDocument(MANAGE_OWN_ACCESS_KEYS));
        AccessKey first = iam.createAccessKey(b -> b.userName("pol-alice")).accessKey();
        IamClient alice = iam(first);

        assertThat(alice.getUser().user().userName()).isEqualTo("pol-alice");
        AccessKey second = alice.createAccessKey().accessKey();
        assertThat(second.userName()).isEqualTo("pol-alice");
        assertThat(alice.listAccessKeys().accessKeyMetadata()).hasSize(2);
        assertThat(alice.getAccessKeyLastUsed(b -> b.accessKeyId(first.accessKeyId())).userName()).isEqualTo("pol-alice");
        IamClient aliceWithSecond = iam(second);
        aliceWithSecond.updateAccessKey(b -> b.accessKeyId(first.accessKeyId()).status(StatusType.INACTIVE));
        aliceWithSecond.deleteAccessKey(b -> b.accessKeyId(first.accessKeyId()));

        assertThatThrownBy(() -> aliceWithSecond.createAccessKey(b -> b.userName("pol-bob")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                            + ":user/pol-alice is not authorized to perform: iam:CreateAccessKey on resource: user"
                            + " pol-bob because no identity-based policy allows the iam:CreateAccessKey action");
                });
        assertThatThrownBy(() -> aliceWithSecond.listAccessKeys(b -> b.userName("pol-bob")))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> aliceWithSecond.putUserPolicy(b -> b.userName("pol-alice").policyName("More")
                .policyDocument(MANAGE_OWN_ACCESS_KEYS)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
}
