package io.keywarden.core.operation;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTest {

    @Test
    void everyOperationHasAUniqueNameAndItsRequestIsNamedAfterIt() {
        Set<String> names = new HashSet<>();
        for (Operation<?, ?> op : Catalogue.all()) {
            assertThat(names.add(op.name())).as(op.name()).isTrue();
            assertThat(op.requestType().getSimpleName()).isEqualTo(op.name());
            assertThat(Catalogue.byName(op.name())).containsSame(op);
        }
        assertThat(names).hasSize(78);
    }

    @Test
    void actionsFollowTheServiceAndOnlyGetCallerIdentityGetSessionTokenAndTheConsoleSignInNeedNoPermission() {
        for (Operation<?, ?> op : Catalogue.all()) {
            if (op == Catalogue.GET_CALLER_IDENTITY || op == Catalogue.GET_SESSION_TOKEN
                    || op == Catalogue.CONSOLE_LOGIN || op == Catalogue.CONSOLE_SIGN_OUT) {
                assertThat(op.action()).isNull();
            } else {
                assertThat(op.action()).as(op.name()).matches("(iam|sts|cloudtrail|keywarden):[A-Za-z]+");
            }
        }
        assertThat(Catalogue.CREATE_ACCESS_KEY.action()).isEqualTo("iam:CreateAccessKey");
        assertThat(Catalogue.GET_ACCESS_KEY_INFO.action()).isEqualTo("sts:GetAccessKeyInfo");
        assertThat(Catalogue.LOOKUP_EVENTS.action()).isEqualTo("cloudtrail:LookupEvents");
        assertThat(Catalogue.LOOKUP_EVENTS.service().eventSource()).isEqualTo("cloudtrail.amazonaws.com");
    }

    @Test
    void readOnlyIsExactlyTheOperationsThatOnlyRead() {
        List<String> reads = Catalogue.all().stream().filter(Operation::readOnly).map(Operation::name).toList();
        for (String name : reads) {
            assertThat(name).matches("(Get|List|Lookup|Simulate|Verify|Find).*");
        }
        assertThat(Catalogue.all().stream().filter(op -> !op.readOnly()).map(Operation::name))
                .allMatch(n -> n.matches("(Create|Delete|Update|Put|Attach|Detach|Generate|Revoke|Tag|Untag|Quarantine).*")
                        // issue credentials: committed before they are answered
                        || n.equals("GetSessionToken") || n.equals("AssumeRole") || n.equals("ChangePassword")
                        // the console's sign-in issues credentials; its sign-out revokes them
                        || n.equals("ConsoleLogin") || n.equals("ConsoleSignOut"));
    }

    @Test
    void theQueryFaceServesIamAndStsButNotKeywardensOwnOperations() {
        assertThat(Catalogue.queryAction("CreateUser")).isPresent();
        assertThat(Catalogue.queryAction("GetCallerIdentity")).isPresent();
        assertThat(Catalogue.queryAction("LookupEvents")).isEmpty();
        assertThat(Catalogue.queryAction("FindAccessKeyOwner")).isEmpty();
        assertThat(Catalogue.queryAction("createuser")).isEmpty();
        assertThat(Catalogue.queryAction(null)).isEmpty();
    }

    @Test
    void theJsonFaceServesCloudTrailsLookupEventsUnderItsFullTarget() {
        assertThat(Catalogue.jsonTarget("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"))
                .containsSame(Catalogue.LOOKUP_EVENTS);
        assertThat(Catalogue.LOOKUP_EVENTS.jsonFace()).isTrue();
        assertThat(Catalogue.LOOKUP_EVENTS.queryFace()).isFalse();
        assertThat(Catalogue.jsonTarget("CloudTrail_20131101.LookupEvents")).isEmpty();
        assertThat(Catalogue.jsonTarget("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CreateUser")).isEmpty();
        assertThat(Catalogue.jsonTarget("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.lookupevents"))
                .isEmpty();
        assertThat(Catalogue.jsonTarget("LookupEvents")).isEmpty();
        assertThat(Catalogue.jsonTarget(null)).isEmpty();
        assertThat(Catalogue.all().stream().filter(Operation::jsonFace).map(Operation::name))
                .containsExactly("LookupEvents");
        assertThat(Catalogue.LOOKUP_EVENTS.markdownRow()).contains("| JSON 1.1 |");
    }

    @Test
    void requestAndResultComponentsHaveTypesBothFacesCanCarry() {
        Set<Class<?>> simple = Set.of(String.class, boolean.class, Boolean.class, int.class, long.class, Long.class,
                Integer.class, io.keywarden.core.session.SessionToken.class,
                java.time.Instant.class, byte[].class, io.keywarden.core.port.PageRequest.class, List.class,
                java.util.Map.class, io.keywarden.core.keys.SecretAccessKey.class,
                io.keywarden.core.audit.AuditEvent.class, io.keywarden.core.notify.WebhookSecret.class,
                io.keywarden.core.password.Password.class);
        for (Operation<?, ?> op : Catalogue.all()) {
            for (Class<?> type : List.of(op.requestType(), op.resultType())) {
                check(type, simple);
            }
        }
    }

    private static void check(Class<?> type, Set<Class<?>> simple) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord() && c.getType() != io.keywarden.core.audit.AuditEvent.class) {
                check(c.getType(), simple);
            } else {
                assertThat(simple).as(type.getSimpleName() + "." + c.getName()).contains(c.getType());
            }
        }
    }

    @Test
    void requiredParametersAreRefusedWithAwsWordingOnceForBothFaces() {
        assertThatThrownBy(() -> new Requests.DeleteUser(null)).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).contains("userName").contains("Member must not be null");
        });
        assertThatThrownBy(() -> new Requests.CreateUser("a", null, List.of(java.util.Map.of("Key", "k")),
                "arn:aws:iam::aws:policy/PowerUserAccess"))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(new Requests.ListUsers(null, null).page().maxItems()).isEqualTo(100);
    }

    @Test
    void pageAndBooleanParametersHaveOneRuleAndOneMessage() {
        assertThat(Parameters.page("m", "5").maxItems()).isEqualTo(5);
        assertThat(Parameters.page(null, null).maxItems()).isEqualTo(100);
        for (String bad : List.of("x", "0", "1001", "")) {
            assertThatThrownBy(() -> Parameters.page(null, bad)).isInstanceOfSatisfying(KeywardenException.class,
                    e -> assertThat(e.getMessage()).contains("maxItems").contains("between 1 and 1000"));
        }
        assertThat(Parameters.bool("TRUE", "onlyAttached", false)).isTrue();
        assertThat(Parameters.bool(null, "onlyAttached", true)).isTrue();
        assertThatThrownBy(() -> Parameters.bool("yes", "onlyAttached", false))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void onlyTheConsoleLoginAuthenticatesItselfAsASignInOfSigninAmazonawsCom() {
        assertThat(Catalogue.all().stream().filter(Operation::signIn).map(Operation::name))
                .containsExactly("ConsoleLogin");
        assertThat(Catalogue.CONSOLE_LOGIN.service().eventSource()).isEqualTo("signin.amazonaws.com");
        assertThat(Catalogue.CONSOLE_SIGN_OUT.service()).isEqualTo(Service.SIGNIN);
        assertThat(Catalogue.CONSOLE_SIGN_OUT.authentication()).isEqualTo(Operation.Authentication.SIGNATURE);
        assertThat(Catalogue.CONSOLE_LOGIN.queryFace()).isFalse();
        assertThatThrownBy(() -> new Operation<>("X", Service.SIGNIN, null, false, false, "none",
                Requests.ConsoleSignOut.class, Operation.NoOutput.class, Operation.Authentication.SIGN_IN))
                .as("a sign-in answers who it signed in").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Operation<>("X", Service.SIGNIN, "signin:X", false, false, "none",
                Requests.ConsoleLogin.class, Results.ConsoleSession.class, Operation.Authentication.SIGN_IN))
                .as("a sign-in needs no permission").isInstanceOf(IllegalArgumentException.class);
    }
}
