package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code ReportNotPresent} (410): no credential report has been generated yet; generate one first. */
public final class ReportNotPresentException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public ReportNotPresentException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.REPORT_NOT_PRESENT, errorMessage, statusCode, requestId);
    }
}
