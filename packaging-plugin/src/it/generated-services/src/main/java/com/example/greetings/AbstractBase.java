package com.example.greetings;

import io.tributary.sdk.source.SourceConnector;

/** A base class: abstract, so never listed. */
public abstract class AbstractBase implements SourceConnector {}
