package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results.LoginProfileEntry;
import io.keywarden.core.operation.Results.PasswordPolicyEntry;
import io.keywarden.core.password.Password;
import io.keywarden.server.http.dto.AccountAliasBody;
import io.keywarden.server.http.dto.AccountAliasListDto;
import io.keywarden.server.http.dto.ChangePasswordBody;
import io.keywarden.server.http.dto.CreateLoginProfileBody;
import io.keywarden.server.http.dto.LoginProfileDto;
import io.keywarden.server.http.dto.PasswordPolicyBody;
import io.keywarden.server.http.dto.PasswordPolicyDto;
import io.keywarden.server.http.dto.UpdateLoginProfileBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * Console passwords: login profiles (CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile, on
 * {@code /v1/users/{user}/login-profile}, {@code me} for the caller — the root user's own included), ChangePassword,
 * the account password policy and the account alias. Passwords travel in JSON bodies only, are hashed with Argon2id,
 * and are never returned, logged or recorded in the audit trail.
 */
@Controller("/v1")
@Tag(name = "passwords")
public class PasswordsController {
    private final OperationCalls calls;

    public PasswordsController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * CreateLoginProfile: gives the user (or, with {@code me}, the caller — how the root user sets its own) a console
     * password. {@code EntityAlreadyExists} (409) when it has one; {@code PasswordPolicyViolation} (400) when the
     * password breaks the account password policy.
     */
    @Operation(operationId = "CreateLoginProfile")
    @ApiResponse(responseCode = "201", description = "The login profile (never the password).")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/users/{user}/login-profile")
    public CompletableFuture<LoginProfileDto> createLoginProfile(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                 @ApiDocs.UserOrMe @PathVariable String user,
                                                                 @Body CreateLoginProfileBody body) {
        return calls.call(http, caller, Catalogue.CREATE_LOGIN_PROFILE, () -> new Requests.CreateLoginProfile(
                        Parameters.userOrCaller(user), Password.parse(body.password(), "password"),
                        Boolean.TRUE.equals(body.passwordResetRequired())), 201)
                .thenApply(r -> loginProfile(r.loginProfile()));
    }

    /**
     * GetLoginProfile.
     *
     * @return the login profile: its creation time and whether a reset is required (never the password)
     */
    @Operation(operationId = "GetLoginProfile")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/users/{user}/login-profile")
    public CompletableFuture<LoginProfileDto> getLoginProfile(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                              @ApiDocs.UserOrMe @PathVariable String user) {
        return calls.call(http, caller, Catalogue.GET_LOGIN_PROFILE,
                        () -> new Requests.GetLoginProfile(Parameters.userOrCaller(user)), 200)
                .thenApply(r -> loginProfile(r.loginProfile()));
    }

    /** UpdateLoginProfile: a new password and/or PasswordResetRequired; a new password also lifts a lock-out. */
    @Operation(operationId = "UpdateLoginProfile")
    @ApiResponse(responseCode = "204", description = "Updated.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Patch("/users/{user}/login-profile")
    public CompletableFuture<HttpResponse<Void>> updateLoginProfile(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                    @ApiDocs.UserOrMe @PathVariable String user,
                                                                    @Body UpdateLoginProfileBody body) {
        return calls.call(http, caller, Catalogue.UPDATE_LOGIN_PROFILE, () -> new Requests.UpdateLoginProfile(
                        Parameters.userOrCaller(user), Password.parse(body.password(), "password"),
                        body.passwordResetRequired()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** DeleteLoginProfile: the user can no longer sign in to the console (its access keys still work). */
    @Operation(operationId = "DeleteLoginProfile")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/users/{user}/login-profile")
    public CompletableFuture<HttpResponse<Void>> deleteLoginProfile(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                    @ApiDocs.UserOrMe @PathVariable String user) {
        return calls.call(http, caller, Catalogue.DELETE_LOGIN_PROFILE,
                        () -> new Requests.DeleteLoginProfile(Parameters.userOrCaller(user)), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ChangePassword: the calling IAM user's own password; clears PasswordResetRequired. A wrong old password is
     * {@code InvalidUserType} (400), as is a caller that is not an IAM user.
     */
    @Operation(operationId = "ChangePassword")
    @ApiResponse(responseCode = "204", description = "Changed.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Post("/users/" + Parameters.ME + "/password")
    public CompletableFuture<HttpResponse<Void>> changePassword(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                @Body ChangePasswordBody body) {
        return calls.call(http, caller, Catalogue.CHANGE_PASSWORD, () -> new Requests.ChangePassword(
                        Password.parse(body.oldPassword(), "oldPassword"),
                        Password.parse(body.newPassword(), "newPassword")), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * GetAccountPasswordPolicy; {@code NoSuchEntity} (404) while none is set (AWS's default policy then applies).
     *
     * @return the account password policy
     */
    @Operation(operationId = "GetAccountPasswordPolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/account/password-policy")
    public CompletableFuture<PasswordPolicyDto> getAccountPasswordPolicy(HttpRequest<?> http,
                                                                         @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GET_ACCOUNT_PASSWORD_POLICY,
                        Requests.GetAccountPasswordPolicy::new, 200)
                .thenApply(r -> policy(r.passwordPolicy()));
    }

    /** UpdateAccountPasswordPolicy: sets the whole policy; absent values take AWS's defaults. */
    @Operation(operationId = "UpdateAccountPasswordPolicy")
    @ApiResponse(responseCode = "204", description = "Set.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @Put("/account/password-policy")
    public CompletableFuture<HttpResponse<Void>> updateAccountPasswordPolicy(HttpRequest<?> http,
                                                                             @ApiDocs.Hidden Caller caller,
                                                                             @Body PasswordPolicyBody b) {
        return calls.call(http, caller, Catalogue.UPDATE_ACCOUNT_PASSWORD_POLICY,
                        () -> new Requests.UpdateAccountPasswordPolicy(b.minimumPasswordLength(),
                                on(b.requireSymbols()), on(b.requireNumbers()), on(b.requireUppercaseCharacters()),
                                on(b.requireLowercaseCharacters()), on(b.allowUsersToChangePassword()),
                                b.maxPasswordAge(), b.passwordReusePrevention(), on(b.hardExpiry())), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** DeleteAccountPasswordPolicy: AWS's default policy applies again; {@code NoSuchEntity} when none was set. */
    @Operation(operationId = "DeleteAccountPasswordPolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/account/password-policy")
    public CompletableFuture<HttpResponse<Void>> deleteAccountPasswordPolicy(HttpRequest<?> http,
                                                                             @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.DELETE_ACCOUNT_PASSWORD_POLICY,
                        Requests.DeleteAccountPasswordPolicy::new, 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * CreateAccountAlias: the account's one alias (replacing the one it had); the console's sign-in accepts it in place
     * of the account ID. {@code EntityAlreadyExists} (409) when another account holds it.
     */
    @Operation(operationId = "CreateAccountAlias")
    @ApiResponse(responseCode = "204", description = "Set.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post("/account/aliases")
    public CompletableFuture<HttpResponse<Void>> createAccountAlias(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                    @Body AccountAliasBody body) {
        return calls.call(http, caller, Catalogue.CREATE_ACCOUNT_ALIAS,
                        () -> new Requests.CreateAccountAlias(body.accountAlias()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListAccountAliases.
     *
     * @return the account's alias (at most one)
     */
    @Operation(operationId = "ListAccountAliases")
    @ApiDocs.SignedCall
    @Get("/account/aliases")
    public CompletableFuture<AccountAliasListDto> listAccountAliases(HttpRequest<?> http,
                                                                     @ApiDocs.Hidden Caller caller,
                                                                     @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                                     @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ACCOUNT_ALIASES,
                        () -> new Requests.ListAccountAliases(Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AccountAliasListDto(r.accountAliases(), r.isTruncated(), r.marker()));
    }

    /** DeleteAccountAlias; {@code NoSuchEntity} when the account does not have it. */
    @Operation(operationId = "DeleteAccountAlias")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/account/aliases/{alias}")
    public CompletableFuture<HttpResponse<Void>> deleteAccountAlias(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                    @PathVariable String alias) {
        return calls.call(http, caller, Catalogue.DELETE_ACCOUNT_ALIAS,
                        () -> new Requests.DeleteAccountAlias(alias), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static LoginProfileDto loginProfile(LoginProfileEntry p) {
        return new LoginProfileDto(p.userName(), Wire.date(p.createDate()), p.passwordResetRequired(),
                Wire.date(p.passwordLastChanged()));
    }

    private static PasswordPolicyDto policy(PasswordPolicyEntry p) {
        return new PasswordPolicyDto(p.minimumPasswordLength(), p.requireSymbols(), p.requireNumbers(),
                p.requireUppercaseCharacters(), p.requireLowercaseCharacters(), p.allowUsersToChangePassword(),
                p.expirePasswords(), p.maxPasswordAge(), p.passwordReusePrevention(),
                Boolean.TRUE.equals(p.hardExpiry()));
    }
}
