package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.signin.PasswordSignIn;
import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console passwords over real HTTP on both faces: login profiles, ChangePassword, the password policy, the account
 * alias, AWS's errors, the same rules on REST and Query, no password in any answer, log, audit event or the database
 * file; and the {@link PasswordSignIn} bean over the real database (alias, lock-out, per-source throttle).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordsApiTest extends ServerTestSupport {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    private LogCapture log;

    @Inject
    PasswordSignIn signIn;

    @Override
    public Map<String, String> getProperties() {
        log = LogCapture.attach();
        return super.getProperties();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.passwords.lock-after", "3", "keywarden.passwords.source-attempts", "40");
    }

    @AfterAll
    void detach() {
        log.close();
    }

    private Response query(String form) {
        return root().send("POST", "/", FORM, (form + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
    }

    private static String xml(Pattern p, Response r) {
        Matcher m = p.matcher(r.body());
        return m.find() ? m.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&") : null;
    }

    private void user(String name) {
        assertThat(root().post("/v1/users", "{\"userName\":\"" + name + "\"}").status()).isEqualTo(201);
    }

    @Test
    void aLoginProfileLivesThroughRestWithAwsErrors() {
        user("pw-rest");
        Response created = root().post("/v1/users/pw-rest/login-profile",
                "{\"password\":\"Rest-Password-1\",\"passwordResetRequired\":true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("userName").asText()).isEqualTo("pw-rest");
        assertThat(created.json().path("passwordResetRequired").asBoolean()).isTrue();
        assertThat(created.json().path("createDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(created.body()).doesNotContain("Rest-Password-1").doesNotContain("argon2");

        Response again = root().post("/v1/users/pw-rest/login-profile", "{\"password\":\"Rest-Password-1\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EntityAlreadyExists");
        assertThat(again.json().path("message").asText()).isEqualTo("Login Profile for user pw-rest already exists.");

        assertThat(root().patch("/v1/users/pw-rest/login-profile", "{\"passwordResetRequired\":false}").status())
                .isEqualTo(204);
        assertThat(root().get("/v1/users/pw-rest/login-profile").json().path("passwordResetRequired").asBoolean())
                .isFalse();
        Response conflict = root().delete("/v1/users/pw-rest");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("message").asText())
                .isEqualTo("Cannot delete entity, must delete login profile first.");
        assertThat(root().delete("/v1/users/pw-rest/login-profile").status()).isEqualTo(204);
        Response gone = root().get("/v1/users/pw-rest/login-profile");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("message").asText()).isEqualTo("Login Profile for User pw-rest cannot be found.");
        assertThat(root().delete("/v1/users/pw-rest").status()).isEqualTo(204);

        Response missing = root().post("/v1/users/pw-rest/login-profile", "{}");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void theQueryFaceAnswersAwsShapes() {
        user("pw-query");
        Response created = query("Action=CreateLoginProfile&UserName=pw-query&Password=Query-Password-1"
                + "&PasswordResetRequired=true");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.body()).contains("<CreateLoginProfileResult><LoginProfile><UserName>pw-query</UserName>")
                .contains("<PasswordResetRequired>true</PasswordResetRequired>")
                .doesNotContain("Query-Password-1");
        Response got = query("Action=GetLoginProfile&UserName=pw-query");
        assertThat(got.body()).contains("<GetLoginProfileResult><LoginProfile>");
        Response update = query("Action=UpdateLoginProfile&UserName=pw-query&PasswordResetRequired=false");
        assertThat(update.status()).isEqualTo(200);
        assertThat(query("Action=GetLoginProfile&UserName=pw-query").body())
                .contains("<PasswordResetRequired>false</PasswordResetRequired>");
        assertThat(query("Action=DeleteLoginProfile&UserName=pw-query").status()).isEqualTo(200);
        Response gone = query("Action=GetLoginProfile&UserName=pw-query");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(xml(CODE, gone)).isEqualTo("NoSuchEntity");
        assertThat(xml(MESSAGE, gone)).isEqualTo("Login Profile for User pw-query cannot be found.");
        root().delete("/v1/users/pw-query");
    }

    @Test
    void thePasswordPolicyOnBothFaces() {
        Response none = query("Action=GetAccountPasswordPolicy");
        assertThat(none.status()).isEqualTo(404);
        assertThat(xml(MESSAGE, none)).matches("The Password Policy with domain name \\d{12} cannot be found.");
        Response set = query("Action=UpdateAccountPasswordPolicy&MinimumPasswordLength=10&RequireSymbols=true"
                + "&RequireNumbers=true&AllowUsersToChangePassword=true&MaxPasswordAge=90&PasswordReusePrevention=3");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        Response got = query("Action=GetAccountPasswordPolicy");
        assertThat(got.body()).contains("<MinimumPasswordLength>10</MinimumPasswordLength>")
                .contains("<RequireSymbols>true</RequireSymbols>")
                .contains("<RequireUppercaseCharacters>false</RequireUppercaseCharacters>")
                .contains("<ExpirePasswords>true</ExpirePasswords>")
                .contains("<MaxPasswordAge>90</MaxPasswordAge>")
                .contains("<PasswordReusePrevention>3</PasswordReusePrevention>");
        Response rest = root().get("/v1/account/password-policy");
        assertThat(rest.json().path("minimumPasswordLength").asInt()).isEqualTo(10);
        assertThat(rest.json().path("expirePasswords").asBoolean()).isTrue();

        user("pw-policy");
        Response weak = root().post("/v1/users/pw-policy/login-profile", "{\"password\":\"Weakling1\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("PasswordPolicyViolation");
        Response weakQuery = query("Action=CreateLoginProfile&UserName=pw-policy&Password=Weakling1");
        assertThat(xml(CODE, weakQuery)).isEqualTo("PasswordPolicyViolation");
        assertThat(xml(MESSAGE, weakQuery)).isEqualTo(weak.json().path("message").asText())
                .isEqualTo("Password should have a minimum length of 10");

        assertThat(root().send("PUT", "/v1/account/password-policy", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
        assertThat(root().get("/v1/account/password-policy").json().path("minimumPasswordLength").asInt())
                .isEqualTo(6);
        assertThat(root().delete("/v1/account/password-policy").status()).isEqualTo(204);
        assertThat(root().delete("/v1/account/password-policy").code()).isEqualTo("NoSuchEntity");
        root().delete("/v1/users/pw-policy");
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"minimumPasswordLength\":5}     | MinimumPasswordLength=5     | ValidationError",
            "{\"minimumPasswordLength\":129}   | MinimumPasswordLength=129   | ValidationError",
            "{\"maxPasswordAge\":1096}         | MaxPasswordAge=1096         | ValidationError",
            "{\"passwordReusePrevention\":0}   | PasswordReusePrevention=0   | ValidationError",
            "{\"passwordReusePrevention\":25}  | PasswordReusePrevention=25  | ValidationError",
    })
    void policyRangesAreTheSameOnBothFaces(String json, String form, String code) {
        Response rest = root().send("PUT", "/v1/account/password-policy", "application/json",
                json.trim().getBytes(StandardCharsets.UTF_8));
        Response q = query("Action=UpdateAccountPasswordPolicy&" + form.trim());
        assertThat(rest.code()).as(rest.toString()).isEqualTo(code.trim());
        assertThat(xml(CODE, q)).as(q.toString()).isEqualTo(code.trim());
        assertThat(xml(MESSAGE, q)).isEqualTo(rest.json().path("message").asText());
        assertThat(q.status()).isEqualTo(rest.status()).isEqualTo(400);
    }

    @Test
    void aliasesOnBothFaces() {
        Response bad = root().post("/v1/account/aliases", "{\"accountAlias\":\"Bad_Alias\"}");
        Response badQuery = query("Action=CreateAccountAlias&AccountAlias=Bad_Alias");
        assertThat(bad.code()).isEqualTo("ValidationError");
        assertThat(xml(MESSAGE, badQuery)).isEqualTo(bad.json().path("message").asText());
        assertThat(query("Action=CreateAccountAlias&AccountAlias=pw-corp").status()).isEqualTo(200);
        assertThat(query("Action=ListAccountAliases").body())
                .contains("<AccountAliases><member>pw-corp</member></AccountAliases>");
        assertThat(root().get("/v1/account/aliases").json().path("accountAliases").toString())
                .isEqualTo("[\"pw-corp\"]");
        Response wrong = root().delete("/v1/account/aliases/other-corp");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.json().path("message").asText()).isEqualTo("The account alias other-corp cannot be found.");
        assertThat(root().delete("/v1/account/aliases/pw-corp").status()).isEqualTo(204);
        assertThat(root().get("/v1/account/aliases").json().path("accountAliases").size()).isZero();
    }

    @Test
    void anIamUserChangesTheirOwnPasswordAndSignsIn() {
        user("pw-change");
        Response key = root().post("/v1/users/pw-change/access-keys", null);
        SignedClient me = as(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
        root().post("/v1/users/pw-change/login-profile",
                "{\"password\":\"First-Password-1\",\"passwordResetRequired\":true}");
        Response wrong = me.post("/v1/users/~/password",
                "{\"oldPassword\":\"Not-The-Password-1\",\"newPassword\":\"Second-Password-2\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("InvalidUserType");
        Response changed = me.post("/v1/users/~/password",
                "{\"oldPassword\":\"First-Password-1\",\"newPassword\":\"Second-Password-2\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(root().get("/v1/users/pw-change/login-profile").json().path("passwordResetRequired").asBoolean())
                .isFalse();
        String account = root().get("/v1/caller-identity").json().path("account").asText();
        assertThat(signIn.signIn(account, "pw-change", "Second-Password-2".toCharArray(), "198.51.100.7"))
                .isInstanceOf(PasswordSignIn.SignedIn.class);
        Response rootChange = root().post("/v1/users/~/password",
                "{\"oldPassword\":\"a\",\"newPassword\":\"b\"}");
        assertThat(rootChange.code()).isEqualTo("InvalidUserType");

        String report = reportCsv();
        assertThat(report.lines().filter(l -> l.startsWith("pw-change,")).findFirst().orElseThrow().split(",")[3])
                .isEqualTo("true");
    }

    private String reportCsv() {
        root().post("/v1/credential-report", null);
        Response r = root().get("/v1/credential-report");
        return r.body();
    }

    @Test
    void theRootUserSetsItsOwnPasswordAndSignsInByAlias() {
        Response created = root().post("/v1/users/~/login-profile", "{\"password\":\"Root-Console-1\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().has("userName")).isFalse();
        root().post("/v1/account/aliases", "{\"accountAlias\":\"pw-root-corp\"}");
        assertThat(signIn.signIn("pw-root-corp", "", "Root-Console-1".toCharArray(), "198.51.100.8"))
                .isInstanceOfSatisfying(PasswordSignIn.SignedIn.class,
                        s -> assertThat(s.principal().isRoot()).isTrue());
        root().delete("/v1/account/aliases/pw-root-corp");
        assertThat(root().delete("/v1/users/~/login-profile").status()).isEqualTo(204);
    }

    @Test
    void repeatedFailuresLockTheUserOutInTheDatabaseAndAnAdminResetLiftsIt() {
        user("pw-lock");
        root().post("/v1/users/pw-lock/login-profile", "{\"password\":\"Lock-Password-1\"}");
        String account = root().get("/v1/caller-identity").json().path("account").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn.signIn(account, "pw-lock", "wrong".toCharArray(), "198.51.100.9"))
                    .isInstanceOf(PasswordSignIn.Refused.class);
        }
        assertThat(signIn.signIn(account, "pw-lock", "Lock-Password-1".toCharArray(), "198.51.100.9"))
                .isEqualTo(new PasswordSignIn.Refused("locked out after repeated failures"));
        assertThat(root().patch("/v1/users/pw-lock/login-profile", "{\"password\":\"Lock-Password-2\"}").status())
                .isEqualTo(204);
        assertThat(signIn.signIn(account, "pw-lock", "Lock-Password-2".toCharArray(), "198.51.100.9"))
                .isInstanceOf(PasswordSignIn.SignedIn.class);
    }

    @Test
    void oneSourceAddressIsThrottledWithoutHashing() {
        PasswordSignIn.Outcome last = null;
        for (int i = 0; i < 41; i++) {
            last = signIn.signIn("000000000000", "nobody", "x".toCharArray(), "203.0.113.66");
        }
        assertThat(last).isInstanceOfSatisfying(PasswordSignIn.Throttled.class,
                t -> assertThat(t.retryAfter()).isPositive());
        assertThat(signIn.signIn("000000000000", "nobody", "x".toCharArray(), "203.0.113.67"))
                .isInstanceOf(PasswordSignIn.Refused.class);
    }

    @Test
    void noPasswordInAnswersLogsAuditEventsOrTheDatabaseFile() throws Exception {
        String secret = "Hygiene-Secret-77";
        user("pw-hygiene");
        List<Response> answers = new ArrayList<>();
        answers.add(root().post("/v1/users/pw-hygiene/login-profile", "{\"password\":\"" + secret + "\"}"));
        answers.add(query("Action=UpdateLoginProfile&UserName=pw-hygiene&Password=" + secret + "-2"));
        answers.add(query("Action=CreateLoginProfile&UserName=pw-hygiene&Password=" + secret));
        answers.add(root().post("/v1/users/nobody/login-profile", "{\"password\":\"" + secret + "\"}"));
        answers.add(root().get("/v1/users/pw-hygiene/login-profile"));
        answers.add(root().get("/v1/audit-events?eventName=CreateLoginProfile"));
        answers.add(root().get("/v1/audit-events?eventName=UpdateLoginProfile"));
        for (Response r : answers) {
            assertThat(r.body()).as(r.toString()).doesNotContain(secret);
        }
        assertThat(answers.get(5).body()).contains("pw-hygiene").contains("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(log.text()).doesNotContain(secret);
        String bytes = new String(Files.readAllBytes(dataDir.resolve("keywarden.mv.db")),
                StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(secret).contains("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theLoginProfileSaysWhenThePasswordLastChangedOnRestOnly() {
        user("pw-changed");
        Response created = root().post("/v1/users/pw-changed/login-profile", "{\"password\":\"Changed-Password-1\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String first = created.json().path("passwordLastChanged").asText();
        assertThat(first).isEqualTo(created.json().path("createDate").asText());
        assertThat(root().patch("/v1/users/pw-changed/login-profile", "{\"passwordResetRequired\":true}").status())
                .isEqualTo(204);
        assertThat(root().get("/v1/users/pw-changed/login-profile").json().path("passwordLastChanged").asText())
                .as("a flag alone does not change the password").isEqualTo(first);
        assertThat(root().patch("/v1/users/pw-changed/login-profile", "{\"password\":\"Changed-Password-2\"}")
                .status()).isEqualTo(204);
        JsonNode after = root().get("/v1/users/pw-changed/login-profile").json();
        assertThat(after.path("passwordLastChanged").asText()).isGreaterThan(first);
        assertThat(after.path("createDate").asText()).isEqualTo(first);
        // AWS's GetLoginProfile has no such element: the Query face leaves Keywarden's addition out
        assertThat(query("Action=GetLoginProfile&UserName=pw-changed").body()).contains("<CreateDate>")
                .doesNotContain("PasswordLastChanged");
        root().delete("/v1/users/pw-changed/login-profile");
        root().delete("/v1/users/pw-changed");
    }
}
