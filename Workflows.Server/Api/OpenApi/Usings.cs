// Every endpoint registration declares its responses with these extensions: one import here rather than one per
// endpoint file, whose using lines are edited often.
global using FocWorkflows.Server.Api.OpenApi;
