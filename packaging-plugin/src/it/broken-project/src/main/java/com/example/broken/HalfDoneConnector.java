package com.example.broken;

import io.tributary.sdk.source.SourceConnector;

public abstract class HalfDoneConnector implements SourceConnector {}
