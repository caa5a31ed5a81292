//! The error every command returns: `{ code, message }`, built from the core's error.

use sdr_core::{CoreError, ErrorCode, ErrorPayload};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct IpcError(pub ErrorPayload);

impl From<CoreError> for IpcError {
    fn from(e: CoreError) -> Self {
        IpcError(e.payload())
    }
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError(ErrorPayload {
            code: ErrorCode::Internal,
            message: message.into(),
        })
    }
}

pub type CmdResult<T> = Result<T, IpcError>;
