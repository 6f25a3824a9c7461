package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IAM role actions through the real AWS SDK for Java v2 (the Query face), shaped and answered as AWS does. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class IamRolesCompatibilityTest extends AwsSdkTestSupport {
    static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:Get*\",\"Resource\":\"*\"}}";

    private IamClient iam;
    private String account;
    private String trust;

    @BeforeAll
    void clients() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
        trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"a b&c=d+e\"}}}]}";
    }

    private static String decoded(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    @Test
    void createGetUpdateAndDeleteARole() {
        Role created = iam.createRole(b -> b.roleName("compat-deploy").path("/ci/").assumeRolePolicyDocument(trust)
                .description("deploys").maxSessionDuration(7200)
                .tags(Tag.builder().key("team").value("platform").build())).role();
        assertThat(created.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":role/ci/compat-deploy");
        assertThat(created.path()).isEqualTo("/ci/");
        assertThat(created.createDate()).isNotNull();
        // AWS sends the trust policy URL-encoded, and the Java SDK hands it over as sent
        assertThat(created.assumeRolePolicyDocument()).startsWith("%7B%22Version%22");
        assertThat(decoded(created.assumeRolePolicyDocument())).isEqualTo(trust);

        Role got = iam.getRole(b -> b.roleName("COMPAT-DEPLOY")).role();
        assertThat(got.roleName()).isEqualTo("compat-deploy");
        assertThat(got.roleId()).isEqualTo(created.roleId());
        assertThat(got.description()).isEqualTo("deploys");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.tags()).extracting(Tag::key, Tag::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("team", "platform"));

        iam.updateRole(b -> b.roleName("compat-deploy").description("deploys more").maxSessionDuration(43200));
        String newTrust = trust.replace("arn:aws:iam::" + account + ":root", "*");
        iam.updateAssumeRolePolicy(b -> b.roleName("compat-deploy").policyDocument(newTrust));
        Role updated = iam.getRole(b -> b.roleName("compat-deploy")).role();
        assertThat(updated.description()).isEqualTo("deploys more");
        assertThat(updated.maxSessionDuration()).isEqualTo(43200);
        assertThat(decoded(updated.assumeRolePolicyDocument())).isEqualTo(newTrust);

        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("Compat-Deploy").assumeRolePolicyDocument(trust)))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        iam.deleteRole(b -> b.roleName("compat-deploy"));
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("compat-deploy")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The role with name compat-deploy cannot be found.");
                });
    }

    @Test
    void listRolesPagesAndFiltersByPathPrefix() {
        for (int i = 0; i < 5; i++) {
            String name = "compat-list-" + i;
            String path = i % 2 == 0 ? "/listed/" : "/other/";
            iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(trust));
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListRolesResponse page = iam.listRoles(b -> b.pathPrefix("/listed/").maxItems(2).marker(m));
            page.roles().forEach(r -> names.add(r.roleName()));
            assertThat(page.roles()).allSatisfy(r -> assertThat(r.tags()).isEmpty());
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(names).containsExactly("compat-list-0", "compat-list-2", "compat-list-4");
        assertThat(pages).isEqualTo(2);
        assertThat(iam.listRolesPaginator(b -> b.pathPrefix("/other/")).roles()).extracting(Role::roleName)
                .containsExactly("compat-list-1", "compat-list-3");
    }

    @Test
    void rolePoliciesInlineAndAttachedAndTheDeleteConflict() {
        iam.createRole(b -> b.roleName("compat-pol").assumeRolePolicyDocument(trust));
        iam.putRolePolicy(b -> b.roleName("compat-pol").policyName("Read").policyDocument(READ));
        GetRolePolicyResponse got = iam.getRolePolicy(b -> b.roleName("compat-pol").policyName("Read"));
        assertThat(got.roleName()).isEqualTo("compat-pol");
        assertThat(got.policyName()).isEqualTo("Read");
        assertThat(got.policyDocument()).startsWith("%7B%22Version%22");
        assertThat(decoded(got.policyDocument())).isEqualTo(READ);
        assertThat(iam.listRolePolicies(b -> b.roleName("compat-pol")).policyNames()).containsExactly("Read");

        String arn = iam.createPolicy(b -> b.policyName("CompatRoleReaders").policyDocument(READ)).policy().arn();
        iam.attachRolePolicy(b -> b.roleName("compat-pol").policyArn(arn));
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName("compat-pol")).attachedPolicies())
                .extracting(AttachedPolicy::policyName, AttachedPolicy::policyArn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CompatRoleReaders", arn));
        assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(arn))).isInstanceOf(DeleteConflictException.class);

        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("compat-pol")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        iam.deleteRolePolicy(b -> b.roleName("compat-pol").policyName("Read"));
        assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName("compat-pol").policyName("Read")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("compat-pol")))
                .isInstanceOf(DeleteConflictException.class);
        iam.detachRolePolicy(b -> b.roleName("compat-pol").policyArn(arn));
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName("compat-pol")).attachedPolicies()).isEmpty();
        iam.deleteRole(b -> b.roleName("compat-pol"));
        iam.deletePolicy(b -> b.policyArn(arn));
    }

    @Test
    void badInputGetsAwsErrors() {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("compat-bad").assumeRolePolicyDocument(READ)))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Resource"));
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("compat-bad").assumeRolePolicyDocument(trust)
                .maxSessionDuration(60)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("compat bad").assumeRolePolicyDocument(trust)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("compat-nobody")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aTrustPolicyMayNameOnlyUsersAndRolesThatExist() {
        String missing = "arn:aws:iam::" + account + ":user/compat-nobody";
        String trustingMissing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + missing + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("compat-trusting").assumeRolePolicyDocument(
                trustingMissing))).isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid principal in policy: \"AWS\":\"" + missing + "\"");
                });
        iam.createUser(b -> b.userName("compat-nobody"));
        assertThat(iam.createRole(b -> b.roleName("compat-trusting").assumeRolePolicyDocument(trustingMissing))
                .role().roleName()).as("once the user exists").isEqualTo("compat-trusting");
        String otherRole = "arn:aws:iam::" + account + ":role/compat-not-there";
        assertThatThrownBy(() -> iam.updateAssumeRolePolicy(b -> b.roleName("compat-trusting").policyDocument(
                trustingMissing.replace(missing, otherRole))))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains(otherRole));
    }
}
